import { z } from 'zod';

// The environment variables of the VNPay, MoMo and ZaloPay gateways (read by app/lib/config.server.ts).
// Each gateway is on when all its keys are set; some but not all set is a configuration error.

const key = (what: string) => z.string().min(1, `must be the ${what}`).optional();
const url = z.url({ message: 'must be an absolute URL' }).optional();

export const gatewayVariables = {
  VNPAY_TMN_CODE: z
    .string()
    .regex(/^[0-9A-Z]{8}$/, 'must be the 8-character terminal code (vnp_TmnCode)')
    .optional(),
  VNPAY_HASH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  VNPAY_PAY_URL: url,
  VNPAY_API_URL: url,
  MOMO_PARTNER_CODE: key('MoMo partner code'),
  MOMO_ACCESS_KEY: key('MoMo access key'),
  MOMO_SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  MOMO_ENDPOINT: url,
  ZALOPAY_APP_ID: z
    .string()
    .regex(/^\d{1,10}$/, 'must be the numeric app_id')
    .optional(),
  ZALOPAY_KEY1: z.string().min(16, 'must be at least 16 characters').optional(),
  ZALOPAY_KEY2: z.string().min(16, 'must be at least 16 characters').optional(),
  ZALOPAY_ENDPOINT: url,
};

type Values = { [K in keyof typeof gatewayVariables]?: string };

export interface GatewaysConfig {
  vnpay: { tmnCode: string; hashSecret: string; payUrl: string; apiUrl: string } | null;
  momo: { partnerCode: string; accessKey: string; secretKey: string; endpoint: string } | null;
  zalopay: { appId: string; key1: string; key2: string; endpoint: string } | null;
}

/** The keys each gateway needs, in the order the README lists them. */
export const GATEWAY_KEYS = {
  vnpay: ['VNPAY_TMN_CODE', 'VNPAY_HASH_SECRET'],
  momo: ['MOMO_PARTNER_CODE', 'MOMO_ACCESS_KEY', 'MOMO_SECRET_KEY'],
  zalopay: ['ZALOPAY_APP_ID', 'ZALOPAY_KEY1', 'ZALOPAY_KEY2'],
} as const;

export function gatewayProblems(v: Values): string[] {
  return Object.values(GATEWAY_KEYS).flatMap((keys) => {
    const set = keys.filter((k) => v[k]).length;
    return set > 0 && set < keys.length ? [`${keys.join(', ')} must be set together`] : [];
  });
}

const noSlash = (value: string) => value.replace(/\/$/, '');

export function gatewaysConfig(v: Values): GatewaysConfig {
  return {
    vnpay:
      v.VNPAY_TMN_CODE && v.VNPAY_HASH_SECRET
        ? {
            tmnCode: v.VNPAY_TMN_CODE,
            hashSecret: v.VNPAY_HASH_SECRET,
            payUrl: v.VNPAY_PAY_URL ?? 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
            apiUrl:
              v.VNPAY_API_URL ?? 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
          }
        : null,
    momo:
      v.MOMO_PARTNER_CODE && v.MOMO_ACCESS_KEY && v.MOMO_SECRET_KEY
        ? {
            partnerCode: v.MOMO_PARTNER_CODE,
            accessKey: v.MOMO_ACCESS_KEY,
            secretKey: v.MOMO_SECRET_KEY,
            endpoint: noSlash(v.MOMO_ENDPOINT ?? 'https://test-payment.momo.vn'),
          }
        : null,
    zalopay:
      v.ZALOPAY_APP_ID && v.ZALOPAY_KEY1 && v.ZALOPAY_KEY2
        ? {
            appId: v.ZALOPAY_APP_ID,
            key1: v.ZALOPAY_KEY1,
            key2: v.ZALOPAY_KEY2,
            endpoint: noSlash(v.ZALOPAY_ENDPOINT ?? 'https://sb-openapi.zalopay.vn'),
          }
        : null,
  };
}
