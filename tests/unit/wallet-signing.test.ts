import { describe, expect, it } from 'vitest';
import {
  referenceOfAttempt,
  attemptId,
  vietnamTimestamp,
  hmacHex,
} from '~/payments/providers/hmac';
import {
  momoCreateSignatureData,
  momoResultSignatureData,
  verifyMomoResult,
  type MomoConfig,
} from '~/payments/providers/momo';
import { vnpaySign, vnpaySignData, verifyVnpayResult } from '~/payments/providers/vnpay';
import {
  verifyZalopayCallback,
  zalopayOrderMacData,
  zalopayTransId,
} from '~/payments/providers/zalopay';

// Where a provider publishes a signed example, the signing is checked against it; where it does not
// (or publishes the example without the secret), the expected values below were computed
// independently with the openssl command line (`printf '%s' DATA | openssl dgst -sha512 -hmac KEY`),
// never with the code under test.

describe('VNPay 2.1.0', () => {
  // The example payment URL of VNPay's integration guide, "Tạo URL Thanh toán":
  // https://sandbox.vnpayment.vn/apis/docs/huong-dan-tich-hop/ (also on
  // https://sandbox.vnpayment.vn/apis/docs/chuyen-doi-thuat-toan/changeTypeHash.html). VNPay does
  // not publish the hash secret of terminal DEMOV210, so the published vnp_SecureHash cannot be
  // recomputed here: the test checks that our signed text is byte for byte the query string of the
  // published URL (sorting, `+` for spaces, %3A, %2F), and the HMAC against openssl.
  const published =
    'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0&vnp_SecureHash=3e0d61a0c0534b2e36680b3f7277743e8784cc4e1d68fa7d276e79c23be7d6318d338b477910a27992f5057bb1582bd44bd82ae8009ffaf6d141219218625c42';
  const url = new URL(published);
  const signedPart = url.search.slice(1).split('&vnp_SecureHash=')[0];

  it('signs the exact query string of the published example, whatever order the parameters come in', () => {
    const shuffled = [...url.searchParams.entries()].reverse();
    expect(vnpaySignData(shuffled)).toBe(signedPart);
    expect(vnpaySignData(url.searchParams.entries())).toBe(signedPart);
  });

  it('computes HMAC-SHA512 over that text (vector from openssl)', () => {
    expect(vnpaySign(url.searchParams.entries(), 'TESTSECRETNOTPUBLISHED0123456789')).toBe(
      '085cb82f9a0de0589c0040126030f4a58d7821ec1198fbe94bf8ef84227dbecfad186a4257cf04881a853537eb07e0fa05812141431aaed18077046bec36f110',
    );
  });

  it('verifies a result on the parameters as received and refuses any change', () => {
    const secret = 'TESTSECRETNOTPUBLISHED0123456789';
    const query = new URLSearchParams(url.search);
    query.set('vnp_SecureHash', vnpaySign(query.entries(), secret));
    query.set('vnp_ResponseCode', '00');
    query.set('vnp_TransactionStatus', '00');
    query.set('vnp_SecureHash', vnpaySign(query.entries(), secret));
    const result = verifyVnpayResult(query, secret);
    expect(result).toMatchObject({ amountVnd: 18060, txnRef: '5', paid: true, amountValid: true });
    // An upper-case hash is the same signature.
    const upper = new URLSearchParams(query);
    upper.set('vnp_SecureHash', String(query.get('vnp_SecureHash')).toUpperCase());
    expect(verifyVnpayResult(upper, secret)).not.toBeNull();
    const changes: Array<[string, string]> = [
      ['vnp_Amount', '1806100'],
      ['vnp_TxnRef', '6'],
      ['vnp_Extra', 'added'],
    ];
    for (const [key, value] of changes) {
      const forged = new URLSearchParams(query);
      forged.set(key, value);
      expect(verifyVnpayResult(forged, secret)).toBeNull();
    }
    expect(verifyVnpayResult(query, 'another-secret')).toBeNull();
    const unsigned = new URLSearchParams(query);
    unsigned.delete('vnp_SecureHash');
    expect(verifyVnpayResult(unsigned, secret)).toBeNull();
  });
});

describe('MoMo AIO v2', () => {
  // MoMo documents the field order of each raw signature
  // (https://developers.momo.vn/v3/docs/payment/api/wallet/onetime, "signature";
  // https://developers.momo.vn/v3/docs/payment/api/other/signature) but its pages publish no signed
  // example with the key that signed it: we found none. The vectors are openssl's, with the test
  // credentials of MoMo's public sample code (partner MOMO, access key F8BBA842ECF85).
  const config: MomoConfig = {
    partnerCode: 'MOMO',
    accessKey: 'F8BBA842ECF85',
    secretKey: 'K951B6PE1waDMi640xX08PD3vg6EkVlz',
    endpoint: 'http://127.0.0.1:1',
  };

  it('signs the create request in the documented order', () => {
    const data = momoCreateSignatureData(config, {
      requestId: 'MOMO1540456472575',
      orderId: 'MOMO1540456472575',
      amount: 50000,
      orderInfo: 'pay with MoMo',
      redirectUrl: 'https://momo.vn/return',
      ipnUrl: 'https://webhook.site/b3088a6a-2d17-4f8d-a383-71389a6c600b',
      requestType: 'captureWallet',
      extraData: '',
    });
    expect(data).toBe(
      'accessKey=F8BBA842ECF85&amount=50000&extraData=&ipnUrl=https://webhook.site/b3088a6a-2d17-4f8d-a383-71389a6c600b&orderId=MOMO1540456472575&orderInfo=pay with MoMo&partnerCode=MOMO&redirectUrl=https://momo.vn/return&requestId=MOMO1540456472575&requestType=captureWallet',
    );
    expect(hmacHex('sha256', config.secretKey, data)).toBe(
      '1aa2a3dc5cd5d0449d180515ae5512b38181b1dbf1a7ac103d0a6c877d9ebf83',
    );
  });

  const ipn = {
    partnerCode: 'MOMO',
    orderId: 'MOMO1540456472575',
    requestId: 'MOMO1540456472575',
    amount: 50000,
    orderInfo: 'pay with MoMo',
    orderType: 'momo_wallet',
    transId: 4088878653,
    resultCode: 0,
    message: 'Successful.',
    payType: 'qr',
    responseTime: 1721720663942,
    extraData: '',
    signature: '6226b21ea29d4098aba2d135d03b3266f087665129c3eac0be11bd3e1af08707',
  };

  it('verifies an IPN body against the openssl vector and refuses a changed one', () => {
    expect(momoResultSignatureData(config.accessKey, ipn)).toContain('&payType=qr&requestId=');
    expect(verifyMomoResult(config, ipn)).toMatchObject({
      amountVnd: 50000,
      transId: '4088878653',
      paid: true,
    });
    expect(verifyMomoResult(config, { ...ipn, amount: 500000 })).toBeNull();
    expect(verifyMomoResult(config, { ...ipn, resultCode: 1006 })).toBeNull();
    expect(verifyMomoResult(config, { ...ipn, signature: undefined })).toBeNull();
    expect(verifyMomoResult({ ...config, secretKey: 'x'.repeat(32) }, ipn)).toBeNull();
  });

  it('reads the same fields from a redirect query string (all text)', () => {
    const query = Object.fromEntries(
      Object.entries(ipn).map(([key, value]) => [key, String(value)]),
    );
    expect(verifyMomoResult(config, query)?.orderId).toBe('MOMO1540456472575');
  });
});

describe('ZaloPay v2', () => {
  // The order example of ZaloPay's QR code guide (https://docs.zalopay.vn/docs/qrcode/api.html,
  // "Ví dụ: Chuỗi json của đơn hàng"), app 553, whose key1 ZaloPay publishes in its sandbox
  // samples: mac 7e95836a… over appid|apptransid|appuser|amount|apptime|embeddata|item.
  it('computes the published mac of the documented order with key1', () => {
    const data = zalopayOrderMacData({
      app_id: '553',
      app_trans_id: '200904_000234',
      app_user: 'user123',
      amount: 10000,
      app_time: 1599202366026,
      embed_data: '{}',
      item: '[]',
    });
    expect(data).toBe('553|200904_000234|user123|10000|1599202366026|{}|[]');
    expect(hmacHex('sha256', '9phuAOYhan4urywHTh0ndEXiV3pKHr5Q', data)).toBe(
      '7e95836a9feace32458f23416feea423172ef0a098f27a668a1e10788b5a6838',
    );
  });

  // The callback's mac is over the data string as received; ZaloPay's callback page
  // (https://docs.zalopay.vn/v2/general/overview.html#callback) shows no mac with its key, so this
  // vector is openssl's, with the published sandbox key2 of app 2553.
  const config = {
    appId: '2553',
    key1: 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL',
    key2: 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz',
    endpoint: 'http://127.0.0.1:1',
  };
  const data =
    '{"app_id":2553,"app_trans_id":"240115_TT4KX9PQ7M_1","app_time":1705300000000,"app_user":"cho-phien","amount":120000,"embed_data":"{}","item":"[]","zp_trans_id":240115000000123,"server_time":1705300060000,"channel":38,"merchant_user_id":"","user_fee_amount":0,"discount_amount":0}';
  const mac = '736b5c5f509515374286467426dbcd834070fdd23912ba9ebc703959cc4f06e7';

  it('verifies a callback with key2 on the data as received, and refuses a reformatted one', () => {
    expect(verifyZalopayCallback(config, { data, mac, type: 1 })).toMatchObject({
      appId: '2553',
      appTransId: '240115_TT4KX9PQ7M_1',
      zpTransId: '240115000000123',
      amountVnd: 120000,
    });
    // Same JSON, other spacing: not what was signed.
    const respaced = JSON.stringify(JSON.parse(data), null, 1);
    expect(verifyZalopayCallback(config, { data: respaced, mac, type: 1 })).toBeNull();
    expect(
      verifyZalopayCallback(config, { data: data.replace('120000', '1200000'), mac }),
    ).toBeNull();
    expect(verifyZalopayCallback({ ...config, key2: config.key1 }, { data, mac })).toBeNull();
    expect(verifyZalopayCallback(config, { mac })).toBeNull();
  });
});

describe('payment attempts', () => {
  it('carry the checkout reference and the date in Vietnam', () => {
    const at = new Date('2024-01-14T18:30:00Z'); // 01:30 on the 15th in Hà Nội
    expect(vietnamTimestamp(at)).toBe('20240115013000');
    const attempt = attemptId('TT4KX9PQ7M', at);
    expect(referenceOfAttempt(attempt)).toBe('TT4KX9PQ7M');
    expect(referenceOfAttempt(zalopayTransId(attempt, at))).toBe('TT4KX9PQ7M');
    expect(zalopayTransId(attempt, at).startsWith('240115_')).toBe(true);
    expect(referenceOfAttempt('TT4KX9PQ7M')).toBeNull();
    expect(referenceOfAttempt('nonsense')).toBeNull();
  });
});
