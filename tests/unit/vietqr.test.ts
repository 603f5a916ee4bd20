import { describe, expect, it } from 'vitest';
import { crc16Ccitt, crc16Hex } from '~/payments/crc16';
import {
  buildVietQrPayload,
  memoForQr,
  parseEmvQr,
  readVietQr,
  type VietQrInput,
} from '~/payments/vietqr';
import { vietQrSvg } from '~/payments/vietqr-svg.server';
import { isUserError } from '~/lib/errors';

// Real payloads published by other VietQR implementations, each produced from the fields beside it.
type Published = { source: string; input: VietQrInput; payload: string };
const PUBLISHED: [Published, Published, Published, ...Published[]] = [
  {
    // github.com/subiz/vietqr README.md: 120.000 ₫ to VietinBank 0011001932418, "ủng hộ lũ lụt".
    source: 'subiz/vietqr README.md',
    input: {
      bankBin: '970415',
      accountNumber: '0011001932418',
      amountVnd: 120000,
      memo: 'ủng hộ lũ lụt',
    },
    payload:
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
  },
  {
    // github.com/xuannghia/vietnam-qr-pay test/test-vietqr.spec.ts, test "VietQR" (ACB, 1.000 ₫).
    source: 'xuannghia/vietnam-qr-pay test/test-vietqr.spec.ts',
    input: { bankBin: '970416', accountNumber: '257678859', amountVnd: 1000, memo: 'Chuyen tien' },
    payload:
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8',
  },
  {
    // Same file, test "CRC with three-byte": a static Techcombank QR, no amount, no memo.
    source: 'xuannghia/vietnam-qr-pay test/test-vietqr.spec.ts',
    input: { bankBin: '970407', accountNumber: '19030413601018' },
    payload:
      '00020101021138580010A000000727012800069704070114190304136010180208QRIBFTTA53037045802VN63040283',
  },
  {
    // github.com/sunary/vietqr vietqr_test.go, validQRCodeWithAmount (ACB, 120.000 ₫).
    source: 'sunary/vietqr vietqr_test.go',
    input: { bankBin: '970416', accountNumber: '13579', amountVnd: 120000 },
    payload:
      '00020101021238490010A000000727011900069704160105135790208QRIBFTTA530370454061200005802VN63049A71',
  },
  {
    // Same file, validQRCodeWithMessage: static (no amount) but with a message.
    source: 'sunary/vietqr vietqr_test.go',
    input: { bankBin: '970407', accountNumber: '9796868', memo: 'gen by sunary/vietqr' },
    payload:
      '00020101021138510010A00000072701210006970407010797968680208QRIBFTTA53037045802VN62240820gen by sunary/vietqr6304BE74',
  },
  {
    // Same file, validQRCodeFull (VPBank, 152.000 ₫, message).
    source: 'sunary/vietqr vietqr_test.go',
    input: {
      bankBin: '970432',
      accountNumber: '19372',
      amountVnd: 152000,
      memo: 'gen by go-vietqr',
    },
    payload:
      '00020101021238490010A000000727011900069704320105193720208QRIBFTTA530370454061520005802VN62200816gen by go-vietqr63040ED4',
  },
];

describe('CRC-16/CCITT-FALSE', () => {
  it('matches the catalogue check value for "123456789"', () => {
    expect(crc16Ccitt('123456789')).toBe(0x29b1);
    expect(crc16Hex('123456789')).toBe('29B1');
  });
  it('pads short values to four hex digits', () => {
    expect(crc16Hex('')).toBe('FFFF');
    expect(crc16Hex('6304')).toMatch(/^[0-9A-F]{4}$/);
  });
});

describe('buildVietQrPayload', () => {
  it.each(PUBLISHED)(
    'reproduces the payload published in $source byte for byte',
    ({ input, payload }) => {
      expect(buildVietQrPayload(input)).toBe(payload);
    },
  );

  it('accepts an alphanumeric (virtual) account number', () => {
    const payload = buildVietQrPayload({
      bankBin: '970422',
      accountNumber: 'VQRQADAIJ5512',
      amountVnd: 7000,
      memo: 'TL89 100',
    });
    expect(readVietQr(payload)).toEqual({
      bankBin: '970422',
      accountNumber: 'VQRQADAIJ5512',
      serviceCode: 'QRIBFTTA',
      amountVnd: 7000,
      memo: 'TL89 100',
    });
  });

  it('treats a blank memo as no memo', () => {
    expect(
      buildVietQrPayload({ bankBin: '970407', accountNumber: '19030413601018', memo: '   ' }),
    ).toBe(PUBLISHED[2].payload);
  });

  const bad: Array<[string, VietQrInput, string]> = [
    ['a 5-digit BIN', { bankBin: '97041', accountNumber: '123' }, 'bankBin'],
    ['a BIN with letters', { bankBin: '97041A', accountNumber: '123' }, 'bankBin'],
    ['an empty account', { bankBin: '970415', accountNumber: '' }, 'accountNumber'],
    [
      'a 20-character account',
      { bankBin: '970415', accountNumber: '1'.repeat(20) },
      'accountNumber',
    ],
    ['an account with a space', { bankBin: '970415', accountNumber: '0011 0019' }, 'accountNumber'],
    ['an account with a dash', { bankBin: '970415', accountNumber: '0011-0019' }, 'accountNumber'],
    ['a zero amount', { bankBin: '970415', accountNumber: '123', amountVnd: 0 }, 'amountVnd'],
    [
      'a negative amount',
      { bankBin: '970415', accountNumber: '123', amountVnd: -5000 },
      'amountVnd',
    ],
    [
      'a fractional amount',
      { bankBin: '970415', accountNumber: '123', amountVnd: 1000.5 },
      'amountVnd',
    ],
    ['NaN', { bankBin: '970415', accountNumber: '123', amountVnd: Number.NaN }, 'amountVnd'],
    [
      'an unsafe integer',
      { bankBin: '970415', accountNumber: '123', amountVnd: 2 ** 60 },
      'amountVnd',
    ],
    [
      'more than 13 digits',
      { bankBin: '970415', accountNumber: '123', amountVnd: 10 ** 13 },
      'amountVnd',
    ],
    [
      'a 26-character memo',
      { bankBin: '970415', accountNumber: '123', memo: 'x'.repeat(26) },
      'memo',
    ],
    [
      'a memo with an emoji',
      { bankBin: '970415', accountNumber: '123', memo: 'cam on 🙏' },
      'memo',
    ],
    [
      'a memo with a currency sign',
      { bankBin: '970415', accountNumber: '123', memo: '120.000 ₫' },
      'memo',
    ],
    ['a memo with quotes', { bankBin: '970415', accountNumber: '123', memo: 'don "A"' }, 'memo'],
  ];
  it.each(bad)('refuses %s with a bilingual 400 on the right field', (_, input, field) => {
    try {
      buildVietQrPayload(input);
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error)).toBe(true);
      if (!isUserError(error)) return;
      expect(error.status).toBe(400);
      expect(error.field).toBe(field);
      expect(error.userMessage.vi).not.toBe(error.userMessage.en);
    }
  });
});

describe('memoForQr', () => {
  it('removes tone marks and đ letter by letter, keeping upper case', () => {
    expect(memoForQr('Đơn hàng  Chè Shan tuyết')).toBe('Don hang Che Shan tuyet');
    expect(memoForQr('ỦNG HỘ')).toBe('UNG HO');
  });
  it('counts length after folding, so 25 Vietnamese letters still fit', () => {
    const memo = 'Thanh toán đơn hàng 12345';
    expect(memo.length).toBe(25);
    expect(
      readVietQr(buildVietQrPayload({ bankBin: '970415', accountNumber: '1', memo })).memo,
    ).toBe('Thanh toan don hang 12345');
  });
});

describe('parseEmvQr', () => {
  it('nests the merchant account and additional data templates', () => {
    expect(parseEmvQr(PUBLISHED[0].payload)).toEqual({
      '00': '01',
      '01': '12',
      '38': {
        '00': 'A000000727',
        '01': { '00': '970415', '01': '0011001932418' },
        '02': 'QRIBFTTA',
      },
      '53': '704',
      '54': '120000',
      '58': 'VN',
      '62': { '08': 'ung ho lu lut' },
      '63': 'C15C',
    });
  });

  it('accepts a lower-case CRC as some bank apps print it', () => {
    // github.com/hunghg255/vn-qr-pay test/test-decode-vietqr.test.ts, "MBBank QR with lowercase CRC".
    const mbBank =
      '00020101021138540010A00000072701240006970422011003523509170208QRIBFTTA53037045802VN630479db';
    expect(readVietQr(mbBank)).toMatchObject({
      bankBin: '970422',
      accountNumber: '0352350917',
      amountVnd: null,
      memo: null,
    });
  });

  const broken: Array<[string, string, RegExp]> = [
    ['a wrong CRC', PUBLISHED[1].payload.slice(0, -4) + 'BBB5', /checksum/],
    ['a tampered amount', PUBLISHED[1].payload.replace('54041000', '54049000'), /checksum/],
    ['no CRC field', PUBLISHED[1].payload.slice(0, -8), /no CRC/],
    ['an empty string', '', /no CRC/],
  ];
  it.each(broken)('refuses %s', (_, payload, message) => {
    expect(() => parseEmvQr(payload)).toThrow(message);
  });

  it('refuses malformed, truncated and duplicated fields even with a correct CRC', () => {
    const withCrc = (body: string) => body + '6304' + crc16Hex(body + '6304');
    expect(() => parseEmvQr(withCrc('000201X'))).toThrow(/malformed/);
    expect(() => parseEmvQr(withCrc('000201010212AB'))).toThrow(/malformed/);
    expect(() => parseEmvQr(withCrc('00020101021238990010'))).toThrow(/cut short/);
    expect(() => parseEmvQr(withCrc('000201000201'))).toThrow(/twice/);
  });

  it('readVietQr refuses an EMV QR that is not a NAPAS transfer', () => {
    const body = '000201010211' + '2612' + '0008A0000000' + '53037045802VN6304';
    expect(() => readVietQr(body + crc16Hex(body))).toThrow(/not a VietQR/);
  });
});

describe('vietQrSvg', () => {
  it('draws the payload as an SVG with a path', async () => {
    const svg = await vietQrSvg(PUBLISHED[0].payload);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<path[^>]+d="M/);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });
});
