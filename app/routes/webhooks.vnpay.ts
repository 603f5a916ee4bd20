import type { LoaderFunctionArgs } from '@remix-run/node';
import { answerVnpayIpn } from '~/payments/index.server';

/** VNPay's IPN: a GET whose signed query is checked exactly as received (docs/decisions/014). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { config, db, log } = context.services;
  const query = new URL(request.url).searchParams;
  const answer = await answerVnpayIpn(db, config.payments.gateways, query);
  log.info('vnpay ipn', { answer: answer.body, verdict: answer.verdict });
  return Response.json(answer.body, {
    status: answer.status,
    headers: { 'Cache-Control': 'no-store' },
  });
}
