import type { ActionFunctionArgs } from '@remix-run/node';
import { answerZalopayCallback } from '~/payments/index.server';

/** ZaloPay's callback: `{ data, mac }`, the mac checked with key2 on `data` exactly as received. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { config, db, log } = context.services;
  if (request.method !== 'POST')
    return Response.json({ return_code: 0, return_message: 'method not allowed' }, { status: 405 });
  const answer = await answerZalopayCallback(db, config.payments.gateways, await request.text());
  log.info('zalopay callback', { answer: answer.body, verdict: answer.verdict });
  return Response.json(answer.body, { status: answer.status });
}

export function loader() {
  return Response.json({ return_code: 0, return_message: 'method not allowed' }, { status: 405 });
}
