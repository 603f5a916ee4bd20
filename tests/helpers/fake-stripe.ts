import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stripe's API is unreachable from here, so tests replace it at the HTTP level (and only it):
 * this server answers the three calls the app makes — create a Checkout Session, expire one,
 * create a refund — the way Stripe does, and records what it was sent.
 */
export interface FakeStripe {
  url: string;
  sessions: Map<string, Record<string, string>>;
  refunds: Array<Record<string, string>>;
  idempotencyKeys: string[];
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const sessions = new Map<string, Record<string, string>>();
  const refunds: Array<Record<string, string>> = [];
  const idempotencyKeys: string[] = [];
  const replies = new Map<string, string>();
  let counter = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const key = req.headers['idempotency-key'];
      const send = (status: number, value: unknown) => {
        const text = JSON.stringify(value);
        if (typeof key === 'string') replies.set(key, text);
        res
          .writeHead(status, {
            'Content-Type': 'application/json',
            'Request-Id': `req_${++counter}`,
          })
          .end(text);
      };
      if (typeof key === 'string') {
        idempotencyKeys.push(key);
        // Stripe answers a repeated idempotency key with the first answer.
        if (replies.has(key))
          return void res
            .writeHead(200, { 'Content-Type': 'application/json' })
            .end(replies.get(key));
      }
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        const id = `cs_test_${++counter}`;
        sessions.set(id, params);
        const amount = Object.entries(params)
          .filter(([k]) => /line_items\[\d+\]\[price_data\]\[unit_amount\]/.test(k))
          .reduce((n, [, v]) => n + Number(v), 0);
        return send(200, {
          id,
          object: 'checkout.session',
          url: `https://checkout.stripe.test/c/pay/${id}`,
          client_reference_id: params.client_reference_id,
          amount_total: amount,
          currency: params.currency,
          payment_status: 'unpaid',
          status: 'open',
        });
      }
      const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(req.url ?? '');
      if (req.method === 'POST' && expire)
        return send(200, { id: expire[1], object: 'checkout.session', status: 'expired' });
      if (req.method === 'POST' && req.url === '/v1/refunds') {
        refunds.push(params);
        return send(200, {
          id: `re_test_${++counter}`,
          object: 'refund',
          amount: Number(params.amount),
          payment_intent: params.payment_intent,
          status: 'succeeded',
        });
      }
      send(404, {
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${req.method}: ${req.url})`,
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sessions,
    refunds,
    idempotencyKeys,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
