import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  momoQueryReply,
  type QueryState,
  vnpayQueryReply,
  zalopayQueryReply,
} from './fake-wallets-query';
import {
  hmac,
  momoResult as signedMomoResult,
  type NotificationOptions,
  vnpayQuery,
  vnpayRequestFields,
  vnpayTransactionReply,
  vnpayResult as signedVnpayResult,
  WALLET_KEYS,
  type WalletAttempt,
  zalopayCallback as signedZalopayCallback,
} from './fake-wallets-messages';

export { WALLET_KEYS, type WalletAttempt } from './fake-wallets-messages';

/**
 * VNPay, MoMo and ZaloPay are unreachable from here, so tests (and the browser test) talk to this one
 * small server instead. It implements the documented request and response shapes of each — payment
 * page / create, the notification sent back to us, query and refund — and checks every signature we
 * send with its own code (independent of app/payments/providers), with these test credentials.
 */
export interface FakeWallets {
  url: string;
  /** The app's environment variables pointing the three gateways here. */
  env(): Record<string, string>;
  attempts: WalletAttempt[];
  refunds: Array<{ provider: string; body: Record<string, string> }>;
  /** Requests whose signature did not verify (should stay empty). */
  badSignatures: string[];
  /** The signed notification the gateway would send for an attempt (amount and outcome may be changed). */
  notification(
    attempt: WalletAttempt,
    options?: { amount?: number; transactionId?: string; failed?: boolean },
  ): { url: string; init: RequestInit };
  /** Sends that notification to the app; the app's answer. */
  notify(
    attempt: WalletAttempt,
    options?: { amount?: number; transactionId?: string; failed?: boolean },
  ): Promise<Response>;
  /** Where the gateway sends the buyer back after paying (signed query). */
  returnUrl(attempt: WalletAttempt, options?: { failed?: boolean }): string;
  setAppUrl(url: string): void;
  /** The buyer pays at the gateway but its notification never reaches us (the query API knows). */
  payWithoutNotice(attempt: WalletAttempt, options?: { amount?: number }): void;
  /** How the query endpoints misbehave: a forged answer, or the gateway down (503, no JSON). */
  queryFault: { mode: 'forge' | 'down' | null };
  /** Query API calls received, as `provider orderId`. */
  queries: string[];
  close(): Promise<void>;
}

let sequence = 4_000_000;

export async function startFakeWallets(port = 0): Promise<FakeWallets> {
  const attempts: WalletAttempt[] = [];
  const refunds: FakeWallets['refunds'] = [];
  const badSignatures: string[] = [];
  let appUrl = '';
  /** What each gateway knows was paid, by order id (what its query API answers). */
  const paidAtGateway = new Map<string, { amount: number }>();
  const queryFault: FakeWallets['queryFault'] = { mode: null };
  const queries: string[] = [];
  const transIds = new Map<string, string>();
  const transIdOf = (attempt: WalletAttempt) => {
    if (!transIds.has(attempt.orderId)) transIds.set(attempt.orderId, String(++sequence));
    return transIds.get(attempt.orderId)!;
  };
  const queryState: QueryState = {
    keys: {
      vnpayTmnCode: WALLET_KEYS.vnpay.tmnCode,
      vnpayHashSecret: WALLET_KEYS.vnpay.hashSecret,
      momoPartnerCode: WALLET_KEYS.momo.partnerCode,
    },
    attempts,
    paidAtGateway,
    fault: queryFault,
    transIdOf,
    nextId: () => ++sequence,
  };

  const vnpayResult = (attempt: WalletAttempt, o: NotificationOptions) =>
    signedVnpayResult(attempt, o, o.transactionId ?? transIdOf(attempt));
  const momoResult = (attempt: WalletAttempt, o: NotificationOptions) =>
    signedMomoResult(attempt, o, o.transactionId ?? transIdOf(attempt));
  const zalopayCallback = (attempt: WalletAttempt, o: NotificationOptions) =>
    signedZalopayCallback(attempt, o, o.transactionId ?? transIdOf(attempt));

  const notification: FakeWallets['notification'] = (attempt, options = {}) => {
    if (attempt.provider === 'vnpay')
      return {
        url: `${appUrl}/webhooks/vnpay?${vnpayResult(attempt, options)}`,
        init: { method: 'GET' },
      };
    const body =
      attempt.provider === 'momo'
        ? momoResult(attempt, options)
        : zalopayCallback(attempt, options);
    return {
      url: attempt.notifyUrl,
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    };
  };

  const returnUrl: FakeWallets['returnUrl'] = (attempt, options = {}) => {
    if (attempt.provider === 'vnpay')
      return `${attempt.returnUrl}&${vnpayResult(attempt, options)}`;
    if (attempt.provider === 'momo') {
      const fields = momoResult(attempt, options);
      const query = new URLSearchParams(
        Object.entries(fields).map(([k, v]) => [k, String(v)]),
      ).toString();
      return `${attempt.returnUrl}&${query}`;
    }
    const status = options.failed ? '-49' : '1';
    const values = [
      WALLET_KEYS.zalopay.appId,
      attempt.orderId,
      '38',
      'zalopayapp',
      String(attempt.amount),
      '0',
      status,
    ];
    const query = new URLSearchParams({
      appid: values[0]!,
      apptransid: values[1]!,
      pmcid: values[2]!,
      bankcode: values[3]!,
      amount: values[4]!,
      discountamount: values[5]!,
      status,
      checksum: hmac('sha256', WALLET_KEYS.zalopay.key2, values.join('|')),
    });
    return `${attempt.returnUrl}&${query}`;
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      void handle(req, res, body).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  });

  const json = (res: http.ServerResponse, value: unknown) =>
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', 'http://wallets.test');
    if (url.pathname === '/healthz') return void res.writeHead(200).end('ok');

    // VNPay's payment page: the signed URL the app built.
    if (req.method === 'GET' && url.pathname === '/paymentv2/vpcpay.html') {
      const params = Object.fromEntries(url.searchParams);
      const { vnp_SecureHash: hash, ...rest } = params;
      const signed = url.search.slice(1).split('&vnp_SecureHash=')[0]!;
      if (
        hash !== hmac('sha512', WALLET_KEYS.vnpay.hashSecret, signed) ||
        vnpayQuery(rest).split('&vnp_SecureHash=')[0] !== signed
      ) {
        badSignatures.push('vnpay pay');
        return void res
          .writeHead(200, { 'Content-Type': 'text/plain' })
          .end('Sai chữ ký (code 70)');
      }
      const attempt: WalletAttempt = {
        provider: 'vnpay',
        orderId: rest.vnp_TxnRef!,
        amount: Number(rest.vnp_Amount) / 100,
        returnUrl: rest.vnp_ReturnUrl!,
        notifyUrl: `${appUrl}/webhooks/vnpay`,
        createDate: rest.vnp_CreateDate!,
      };
      attempts.push(attempt);
      return void payPage(res, attempt);
    }
    // VNPay querydr and refund (JSON, pipe-joined hash).
    if (req.method === 'POST' && url.pathname === '/merchant_webapi/api/transaction') {
      const b = JSON.parse(body) as Record<string, string>;
      const fields = vnpayRequestFields(b.vnp_Command);
      const ok =
        b.vnp_SecureHash ===
        hmac('sha512', WALLET_KEYS.vnpay.hashSecret, fields.map((f) => b[f] ?? '').join('|'));
      if (!ok) badSignatures.push(`vnpay ${b.vnp_Command}`);
      if (ok && b.vnp_Command === 'refund') refunds.push({ provider: 'vnpay', body: b });
      if (b.vnp_Command === 'querydr') {
        queries.push(`vnpay ${b.vnp_TxnRef}`);
        if (queryFault.mode === 'down') return void down(res);
        if (ok) return json(res, vnpayQueryReply(b, queryState));
      }
      return json(res, vnpayTransactionReply(b, ok, ++sequence));
    }

    // MoMo create, refund, query.
    if (req.method === 'POST' && url.pathname.startsWith('/v2/gateway/api/')) {
      const b = JSON.parse(body) as Record<string, string | number>;
      const { accessKey, secretKey, partnerCode } = WALLET_KEYS.momo;
      const kind = url.pathname.split('/').pop();
      const raw =
        kind === 'create'
          ? `accessKey=${accessKey}&amount=${b.amount}&extraData=${b.extraData}&ipnUrl=${b.ipnUrl}&orderId=${b.orderId}&orderInfo=${b.orderInfo}&partnerCode=${b.partnerCode}&redirectUrl=${b.redirectUrl}&requestId=${b.requestId}&requestType=${b.requestType}`
          : kind === 'refund'
            ? `accessKey=${accessKey}&amount=${b.amount}&description=${b.description}&orderId=${b.orderId}&partnerCode=${b.partnerCode}&requestId=${b.requestId}&transId=${b.transId}`
            : `accessKey=${accessKey}&orderId=${b.orderId}&partnerCode=${b.partnerCode}&requestId=${b.requestId}`;
      if (b.signature !== hmac('sha256', secretKey, raw) || b.partnerCode !== partnerCode) {
        badSignatures.push(`momo ${kind}`);
        return json(res, { resultCode: 11, message: 'Access denied (signature)' });
      }
      if (kind === 'create') {
        const attempt: WalletAttempt = {
          provider: 'momo',
          orderId: String(b.orderId),
          amount: Number(b.amount),
          returnUrl: String(b.redirectUrl),
          notifyUrl: String(b.ipnUrl),
        };
        attempts.push(attempt);
        return json(res, {
          partnerCode,
          orderId: b.orderId,
          requestId: b.requestId,
          amount: b.amount,
          responseTime: Date.now(),
          message: 'Thành công.',
          resultCode: 0,
          payUrl: `${server_url()}/pay/momo/${encodeURIComponent(String(b.orderId))}`,
        });
      }
      if (kind === 'refund') {
        refunds.push({
          provider: 'momo',
          body: Object.fromEntries(Object.entries(b).map(([k, v]) => [k, String(v)])),
        });
        return json(res, {
          partnerCode,
          orderId: b.orderId,
          requestId: b.requestId,
          amount: b.amount,
          transId: ++sequence,
          resultCode: 0,
          message: 'Thành công.',
          responseTime: Date.now(),
        });
      }
      // Transaction status query: MoMo's documented answer (not signed).
      queries.push(`momo ${b.orderId}`);
      if (queryFault.mode === 'down') return void down(res);
      return json(res, momoQueryReply(b, queryState));
    }

    // ZaloPay create, refund, query (form-encoded).
    if (req.method === 'POST' && ['/v2/create', '/v2/refund', '/v2/query'].includes(url.pathname)) {
      const b = Object.fromEntries(new URLSearchParams(body));
      const { appId, key1 } = WALLET_KEYS.zalopay;
      const data =
        url.pathname === '/v2/create'
          ? [b.app_id, b.app_trans_id, b.app_user, b.amount, b.app_time, b.embed_data, b.item].join(
              '|',
            )
          : url.pathname === '/v2/refund'
            ? [b.app_id, b.zp_trans_id, b.amount, b.description, b.timestamp].join('|')
            : [b.app_id, b.app_trans_id, key1].join('|');
      if (b.mac !== hmac('sha256', key1, data) || b.app_id !== appId) {
        badSignatures.push(`zalopay ${url.pathname}`);
        return json(res, { return_code: 2, return_message: 'mac không hợp lệ' });
      }
      if (url.pathname === '/v2/create') {
        const embed = JSON.parse(b.embed_data ?? '{}') as { redirecturl?: string };
        const attempt: WalletAttempt = {
          provider: 'zalopay',
          orderId: b.app_trans_id!,
          amount: Number(b.amount),
          returnUrl: embed.redirecturl ?? '',
          notifyUrl: b.callback_url ?? '',
        };
        attempts.push(attempt);
        return json(res, {
          return_code: 1,
          return_message: 'Giao dịch thành công',
          order_url: `${server_url()}/pay/zalopay/${encodeURIComponent(attempt.orderId)}`,
          zp_trans_token: `ZP${++sequence}`,
        });
      }
      if (url.pathname === '/v2/refund') {
        refunds.push({ provider: 'zalopay', body: b });
        return json(res, {
          return_code: 1,
          return_message: 'Giao dịch thành công',
          refund_id: ++sequence,
        });
      }
      // Query: ZaloPay's documented answer (not signed); 1 paid, 2 failed / unknown, 3 pending.
      queries.push(`zalopay ${b.app_trans_id}`);
      if (queryFault.mode === 'down') return void down(res);
      return json(res, zalopayQueryReply(b, queryState));
    }

    // The wallet's payment page (what the buyer sees) and its "pay" button.
    const pay = /^\/pay\/(momo|zalopay)\/([^/]+)(\/confirm)?$/.exec(url.pathname);
    const vnpayConfirm = /^\/pay\/vnpay\/([^/]+)\/confirm$/.exec(url.pathname);
    const orderId = pay
      ? decodeURIComponent(pay[2]!)
      : vnpayConfirm
        ? decodeURIComponent(vnpayConfirm[1]!)
        : null;
    const attempt = attempts.findLast((a) => a.orderId === orderId);
    if (attempt && req.method === 'GET' && pay && !pay[3]) return void payPage(res, attempt);
    if (attempt && req.method === 'POST' && (pay?.[3] || vnpayConfirm)) {
      // Like the real gateways: the server-to-server notification first, then the buyer goes back.
      paidAtGateway.set(attempt.orderId, { amount: attempt.amount });
      const sent = notification(attempt);
      await fetch(sent.url, sent.init);
      return void res.writeHead(303, { Location: returnUrl(attempt) }).end();
    }
    res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"message":"not found"}');
  }

  function down(res: http.ServerResponse) {
    res.writeHead(503, { 'Content-Type': 'text/html' }).end('<h1>503 Service Unavailable</h1>');
  }

  function payPage(res: http.ServerResponse, attempt: WalletAttempt) {
    const name = { vnpay: 'VNPay', momo: 'MoMo', zalopay: 'ZaloPay' }[attempt.provider];
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>${name} (thử nghiệm)</title>` +
          `<h1>${name} — cổng thử nghiệm</h1><p data-testid="wallet-amount">${attempt.amount} ₫</p>` +
          `<form method="post" action="/pay/${attempt.provider}/${encodeURIComponent(attempt.orderId)}/confirm"><button>Xác nhận thanh toán</button></form>`,
      );
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const server_url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = server_url();
  return {
    url: base,
    env: () => ({
      VNPAY_TMN_CODE: WALLET_KEYS.vnpay.tmnCode,
      VNPAY_HASH_SECRET: WALLET_KEYS.vnpay.hashSecret,
      VNPAY_PAY_URL: `${base}/paymentv2/vpcpay.html`,
      VNPAY_API_URL: `${base}/merchant_webapi/api/transaction`,
      MOMO_PARTNER_CODE: WALLET_KEYS.momo.partnerCode,
      MOMO_ACCESS_KEY: WALLET_KEYS.momo.accessKey,
      MOMO_SECRET_KEY: WALLET_KEYS.momo.secretKey,
      MOMO_ENDPOINT: base,
      ZALOPAY_APP_ID: WALLET_KEYS.zalopay.appId,
      ZALOPAY_KEY1: WALLET_KEYS.zalopay.key1,
      ZALOPAY_KEY2: WALLET_KEYS.zalopay.key2,
      ZALOPAY_ENDPOINT: base,
    }),
    attempts,
    refunds,
    badSignatures,
    notification,
    notify: (attempt, options) => {
      const sent = notification(attempt, options);
      return fetch(sent.url, sent.init);
    },
    returnUrl,
    setAppUrl: (url) => {
      appUrl = url;
    },
    payWithoutNotice: (attempt, options = {}) => {
      paidAtGateway.set(attempt.orderId, { amount: options.amount ?? attempt.amount });
    },
    queryFault,
    queries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
