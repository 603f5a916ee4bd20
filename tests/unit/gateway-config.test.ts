import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '~/lib/config.server';

describe('gateway and demo payment configuration', () => {
  it('leaves every gateway off by default and shows the demo VietQR account with the demo data', () => {
    const config = loadConfig({});
    expect(config.payments.gateways).toEqual({ vnpay: null, momo: null, zalopay: null });
    expect(config.payments.vietqr).toMatchObject({ bankBin: '970436', demo: true });
    expect(loadConfig({ SEED_DEMO: 'false' }).payments.vietqr).toBeNull();
    expect(loadConfig({ VIETQR_DEMO: 'false' }).payments.vietqr).toBeNull();
  });

  it('prefers a real VietQR account to the demo one', () => {
    const config = loadConfig({
      VIETQR_BANK_BIN: '970418',
      VIETQR_ACCOUNT_NUMBER: '123456789',
      VIETQR_ACCOUNT_NAME: 'HTX',
    });
    expect(config.payments.vietqr).toEqual({
      bankBin: '970418',
      accountNumber: '123456789',
      accountName: 'HTX',
    });
  });

  it('turns each gateway on with all its keys, with sandbox URLs unless told otherwise', () => {
    const config = loadConfig({
      VNPAY_TMN_CODE: 'DEMOV210',
      VNPAY_HASH_SECRET: 'x'.repeat(32),
      MOMO_PARTNER_CODE: 'MOMO',
      MOMO_ACCESS_KEY: 'F8BBA842ECF85',
      MOMO_SECRET_KEY: 'K951B6PE1waDMi640xX08PD3vg6EkVlz',
      MOMO_ENDPOINT: 'https://payment.momo.vn/',
      ZALOPAY_APP_ID: '2553',
      ZALOPAY_KEY1: 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL',
      ZALOPAY_KEY2: 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz',
    });
    expect(config.payments.gateways).toMatchObject({
      vnpay: { tmnCode: 'DEMOV210', payUrl: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html' },
      momo: { partnerCode: 'MOMO', endpoint: 'https://payment.momo.vn' },
      zalopay: { appId: '2553', endpoint: 'https://sb-openapi.zalopay.vn' },
    });
  });

  it('refuses a gateway half configured or with malformed keys, naming the variables', () => {
    try {
      loadConfig({
        VNPAY_TMN_CODE: 'DEMOV210',
        MOMO_SECRET_KEY: 'short',
        ZALOPAY_APP_ID: 'abc',
        ZALOPAY_KEY1: 'k'.repeat(20),
        ZALOPAY_KEY2: 'k'.repeat(20),
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = String((error as Error).message);
      expect(text).toContain('MOMO_SECRET_KEY');
      expect(text).toContain('ZALOPAY_APP_ID');
    }
    try {
      loadConfig({ VNPAY_TMN_CODE: 'DEMOV210' });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).toContain(
        'VNPAY_TMN_CODE, VNPAY_HASH_SECRET must be set together',
      );
    }
  });
});
