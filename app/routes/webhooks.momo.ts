import type { ActionFunctionArgs } from '@remix-run/node';
import { answerMomoIpn } from '~/payments/index.server';

/** MoMo's IPN: a POST of JSON whose signature is checked on the fields as received. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { config, db, log } = context.services;
  if (request.method !== 'POST')
    return Response.json({ message: 'method not allowed' }, { status: 405 });
  const answer = await answerMomoIpn(db, config.payments.gateways, await request.text());
  log.info('momo ipn', { status: answer.status, verdict: answer.verdict });
  if (!answer.body) return new Response(null, { status: answer.status });
  return Response.json(answer.body, { status: answer.status });
}

export function loader() {
  return Response.json({ message: 'method not allowed' }, { status: 405 });
}
