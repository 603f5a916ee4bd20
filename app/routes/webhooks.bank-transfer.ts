import type { ActionFunctionArgs } from '@remix-run/node';
import { isUserError } from '~/lib/errors';
import {
  BANK_SIGNATURE_HEADER,
  extractPaymentReference,
  parseBankNotification,
  recordIncomingPayment,
  verifyBankSignature,
} from '~/payments/index.server';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });

/**
 * The bank's credit notification: HMAC-SHA256 of the raw body with the shared secret, checked
 * before anything is parsed. Answers 200 for every verified notification (also duplicates and
 * held ones, so the bank stops retrying), 400 for a bad signature or body, 404 when not configured (no such endpoint here).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { config, db, log } = context.services;
  if (request.method !== 'POST') return json({ error: 'method not allowed' }, 405);
  const secret = config.payments.bankWebhookSecret;
  if (!secret) return json({ error: 'bank webhook not configured' }, 404);
  const raw = Buffer.from(await request.arrayBuffer());
  if (!verifyBankSignature(raw, request.headers.get(BANK_SIGNATURE_HEADER), secret)) {
    log.warn('bank webhook: bad signature');
    return json({ error: 'bad signature' }, 400);
  }
  try {
    const notification = parseBankNotification(raw);
    const result = await recordIncomingPayment(db, {
      provider: 'bank',
      externalId: notification.transactionId,
      amountVnd: notification.amountVnd,
      description: notification.description,
      occurredAt: notification.occurredAt,
      reference: extractPaymentReference(notification.description),
    });
    if (result.outcome !== 'applied')
      log.info('bank transfer needs review or was seen before', {
        transactionId: notification.transactionId,
        outcome: result.outcome,
        duplicate: result.duplicate,
      });
    return json({ ok: true, outcome: result.outcome, duplicate: result.duplicate });
  } catch (error) {
    if (isUserError(error)) return json({ error: error.userMessage.en }, error.status);
    throw error;
  }
}

export function loader() {
  return json({ error: 'method not allowed' }, 405);
}
