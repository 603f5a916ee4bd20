import { describe, expect, it } from 'vitest';
import {
  extractPaymentReference,
  parseBankNotification,
  signBankBody,
  verifyBankSignature,
} from '~/payments/bank-webhook';
import {
  CODE_ALPHABET,
  isPaymentReference,
  newOrderCode,
  newPaymentReference,
  normalizeOrderCode,
} from '~/orders/order-code';
import { isUserError } from '~/lib/errors';

const SECRET = 'test-shared-secret-3f9a';
const body = JSON.stringify({
  transactionId: 'FT25123456789',
  amountVnd: 245000,
  description: 'MBVCB.3278614362.TT4KX9PQ7M.CT tu 0011001932418 NGUYEN VAN A',
  occurredAt: '2025-10-03T09:15:00+07:00',
});

describe('verifyBankSignature', () => {
  it('accepts the HMAC-SHA256 of the raw body, as a string or as bytes, in either hex case', () => {
    const header = signBankBody(body, SECRET);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyBankSignature(body, header, SECRET)).toBe(true);
    expect(verifyBankSignature(Buffer.from(body), header, SECRET)).toBe(true);
    expect(
      verifyBankSignature(
        body,
        header.replace(/[a-f]/g, (c) => c.toUpperCase()).replace('SHA256', 'sha256'),
        SECRET,
      ),
    ).toBe(true);
  });

  it('refuses a tampered body', () => {
    const header = signBankBody(body, SECRET);
    expect(verifyBankSignature(body.replace('245000', '2450000'), header, SECRET)).toBe(false);
    // Re-serialised JSON is a different byte string: only the raw body verifies.
    expect(verifyBankSignature(JSON.stringify(JSON.parse(body), null, 1), header, SECRET)).toBe(
      false,
    );
  });

  it.each([
    ['another secret', signBankBody(body, 'other-secret')],
    ['a missing header', null],
    ['an empty header', ''],
    ['no sha256= prefix', signBankBody(body, SECRET).slice('sha256='.length)],
    ['another algorithm name', signBankBody(body, SECRET).replace('sha256', 'sha1')],
    ['a truncated digest', signBankBody(body, SECRET).slice(0, -2)],
    ['non-hex characters', `sha256=${'z'.repeat(64)}`],
  ])('refuses %s', (_, header) => {
    expect(verifyBankSignature(body, header, SECRET)).toBe(false);
  });

  it('never accepts anything when no secret is configured', () => {
    expect(verifyBankSignature(body, signBankBody(body, ''), '')).toBe(false);
  });
});

describe('parseBankNotification', () => {
  it('reads the four fields and stores the time in UTC', () => {
    expect(parseBankNotification(body)).toEqual({
      transactionId: 'FT25123456789',
      amountVnd: 245000,
      description: 'MBVCB.3278614362.TT4KX9PQ7M.CT tu 0011001932418 NGUYEN VAN A',
      occurredAt: '2025-10-03T02:15:00.000Z',
    });
  });

  const valid = JSON.parse(body) as Record<string, unknown>;
  const without = (field: string) => JSON.stringify({ ...valid, [field]: undefined });
  it.each([
    ['transactionId', without('transactionId')],
    ['amountVnd', without('amountVnd')],
    ['description', without('description')],
    ['occurredAt', without('occurredAt')],
    ['amountVnd', JSON.stringify({ ...valid, amountVnd: 1000.5 })],
    ['amountVnd', JSON.stringify({ ...valid, amountVnd: -1000 })],
    ['amountVnd', JSON.stringify({ ...valid, amountVnd: '245000' })],
    ['transactionId', JSON.stringify({ ...valid, transactionId: '  ' })],
    ['occurredAt', JSON.stringify({ ...valid, occurredAt: '03/10/2025 09:15' })],
  ])('refuses a body with a missing or bad %s (400 naming it)', (field, raw) => {
    try {
      parseBankNotification(raw);
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.status).toBe(400);
      expect(isUserError(error) && error.userMessage.en).toContain(field);
    }
  });

  it('refuses a body that is not JSON', () => {
    expect(() => parseBankNotification('transactionId=1')).toThrow(/not valid JSON/);
  });
});

describe('payment references and order codes', () => {
  it('makes references of prefix, 7 random symbols and a check symbol', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const reference = newPaymentReference();
      expect(reference).toMatch(new RegExp(`^TT[${CODE_ALPHABET}]{8}$`));
      expect(isPaymentReference(reference)).toBe(true);
      seen.add(reference);
    }
    expect(seen.size).toBe(500);
  });

  it('catches every single mistyped symbol', () => {
    const reference = newPaymentReference();
    for (let position = 2; position < reference.length - 1; position++) {
      for (const symbol of CODE_ALPHABET) {
        if (symbol === reference.charAt(position)) continue;
        const typo = reference.slice(0, position) + symbol + reference.slice(position + 1);
        // Only the "2"/"Z" pair is 31 apart, the one substitution a sum modulo 31 cannot see.
        if ('2Z'.includes(symbol) && '2Z'.includes(reference.charAt(position))) continue;
        expect(isPaymentReference(typo)).toBe(false);
      }
    }
  });

  it('never uses 0, O, 1 or I', () => {
    const codes =
      Array.from({ length: 200 }, newOrderCode).join('') +
      Array.from({ length: 200 }, newPaymentReference).join('');
    expect(codes).not.toMatch(/[01OI]/);
  });

  it('makes order codes of CP and 8 symbols, and reads back what guests type', () => {
    const code = newOrderCode();
    expect(code).toMatch(new RegExp(`^CP[${CODE_ALPHABET}]{8}$`));
    const typed = `${code.slice(0, 2).toLowerCase()}-${code.slice(2, 6).toLowerCase()} ${code.slice(6)}`;
    expect(normalizeOrderCode(typed)).toBe(code);
  });

  it.each(['', 'CP', 'CP1234567', 'CPABCDEFGHJ', 'CPO0I1ABCD', 'XX23456789', 'CP2345678#'])(
    'refuses the order code %j',
    (typed) => {
      expect(normalizeOrderCode(typed)).toBeNull();
    },
  );
});

describe('extractPaymentReference', () => {
  const reference = newPaymentReference();
  const spaced = `${reference.slice(0, 4)} ${reference.slice(4, 7)}-${reference.slice(7)}`;
  it.each([
    ['exactly the reference', reference],
    ['a bank prefix and dots', `MBVCB.3278614362.${reference}.CT tu 0011001932418 NGUYEN VAN A`],
    ['lower case', `chuyen tien ${reference.toLowerCase()} cam on`],
    ['spaces and dashes inserted', `IBFT ${spaced} thanh toan`],
    ['Vietnamese text around it', `Thanh toán đơn hàng ${reference} – chè Tà Xùa`],
    ['glued to other words', `TRAN${reference}CHUYEN`],
  ])('finds it in %s', (_, description) => {
    expect(extractPaymentReference(description)).toBe(reference);
  });

  it('returns null when there is no valid reference', () => {
    expect(extractPaymentReference('')).toBeNull();
    expect(extractPaymentReference('TT DON HANG CHE SHAN TUYET')).toBeNull();
    const wrongCheck = reference.slice(0, -1) + (reference.at(-1) === 'A' ? 'B' : 'A');
    expect(extractPaymentReference(`thanh toan ${wrongCheck}`)).toBeNull();
    expect(extractPaymentReference(`thanh toan ${reference.slice(0, -1)}`)).toBeNull();
  });

  it('skips a look-alike before the real reference', () => {
    expect(extractPaymentReference(`TTABCDEFGH, ${reference}`)).toBe(reference);
  });

  // References for which a glued-on "T" or "TT" also passes the check, so the look-alike and the
  // real reference are both valid and only word boundaries can tell them apart.
  const gluedAlsoValid = (glue: string) => {
    let tricky = newPaymentReference();
    while (!isPaymentReference((glue + tricky).slice(0, tricky.length)))
      tricky = newPaymentReference();
    return tricky;
  };

  it('prefers a whole word over a glued reading ("TT" typed before the reference)', () => {
    const tricky = gluedAlsoValid('TT');
    expect(extractPaymentReference(`TT ${tricky}`)).toBe(tricky);
  });

  it('prefers the candidate that starts a word when the bank split the reference', () => {
    const tricky = gluedAlsoValid('T');
    expect(extractPaymentReference(`IBFT ${tricky.slice(0, 5)} ${tricky.slice(5)} cam on`)).toBe(
      tricky,
    );
  });
});
