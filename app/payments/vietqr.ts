import { formatMessage } from '~/i18n/messages';
import { paymentsMessages as m } from '~/i18n/messages/payments';
import { invalid, UserError } from '~/lib/errors';
import { fold } from '~/lib/text';
import { crc16Hex } from './crc16';

/** NAPAS's application identifier: marks merchant account information (ID 38) as VietQR. */
export const NAPAS_GUID = 'A000000727';
/** Service code for a transfer to an account number ("QRIBFTTC" would be to a card number). */
export const SERVICE_ACCOUNT_TRANSFER = 'QRIBFTTA';
export const MEMO_MAX_LENGTH = 25;
// EMVCo's transaction amount (ID 54) holds at most 13 characters.
const AMOUNT_MAX_DIGITS = 13;
// Banks differ in what they keep of a transfer message; letters, digits, spaces and this
// punctuation survive all of them, so the memo (and the reference in it) arrives intact.
const SAFE_MEMO = /^[A-Za-z0-9 .,\-_/:+()]*$/;

export interface VietQrInput {
  bankBin: string;
  accountNumber: string;
  amountVnd?: number | null;
  memo?: string | null;
}

/**
 * The EMVCo merchant-presented QR payload for a VietQR (NAPAS 247) transfer: static ("11") without
 * an amount, dynamic ("12") with one. Vietnamese marks are removed from the memo (keeping case),
 * because bank apps show and transmit it as ASCII.
 */
export function buildVietQrPayload(input: VietQrInput): string {
  const { bankBin, accountNumber, amountVnd, memo } = checkVietQrInput(input);
  const beneficiary = tlv('00', bankBin) + tlv('01', accountNumber);
  const merchantAccount =
    tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_ACCOUNT_TRANSFER);
  let payload =
    tlv('00', '01') +
    tlv('01', amountVnd === null ? '11' : '12') +
    tlv('38', merchantAccount) +
    tlv('53', '704');
  if (amountVnd !== null) payload += tlv('54', String(amountVnd));
  payload += tlv('58', 'VN');
  if (memo) payload += tlv('62', tlv('08', memo));
  payload += '6304';
  return payload + crc16Hex(payload);
}

/** A memo as it will travel: diacritics and đ removed letter by letter, case kept, spaces collapsed. */
export function memoForQr(text: string): string {
  return Array.from(text.normalize('NFC'), (char) => {
    const folded = fold(char);
    return char === char.toLowerCase() ? folded : folded.toUpperCase();
  })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function checkVietQrInput(input: VietQrInput) {
  if (!/^\d{6}$/.test(input.bankBin)) {
    throw invalid('bankBin', m.bankBinFormat);
  }
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber)) {
    throw invalid('accountNumber', m.accountNumberFormat);
  }
  const amountVnd = input.amountVnd ?? null;
  if (
    amountVnd !== null &&
    !(
      Number.isSafeInteger(amountVnd) &&
      amountVnd > 0 &&
      String(amountVnd).length <= AMOUNT_MAX_DIGITS
    )
  ) {
    throw invalid('amountVnd', m.amountPositive);
  }
  const memo = memoForQr(input.memo ?? '');
  if (memo.length > MEMO_MAX_LENGTH) {
    throw invalid('memo', formatMessage(m.memoTooLong, { max: MEMO_MAX_LENGTH }));
  }
  if (!SAFE_MEMO.test(memo)) {
    throw invalid('memo', m.memoCharacters);
  }
  return { bankBin: input.bankBin, accountNumber: input.accountNumber, amountVnd, memo };
}

function tlv(id: string, value: string): string {
  // Inputs are validated before this point; a longer value would be a bug in this module.
  if (value.length > 99) throw new RangeError(`EMV field ${id} longer than 99 characters`);
  return id + String(value.length).padStart(2, '0') + value;
}

/** Parsed EMV QR fields by two-digit ID; templates (merchant account, additional data) nest. */
export type EmvFields = { [id: string]: string | EmvFields };

const badQr = (reason: string) =>
  new UserError('invalid_qr', 400, formatMessage(m.qrInvalid, { reason }));

/** Parses an EMVCo QR payload into nested fields, after checking its CRC (ID 63, last field). */
export function parseEmvQr(payload: string): EmvFields {
  const crcAt = payload.length - 8;
  if (crcAt < 0 || payload.slice(crcAt, crcAt + 4) !== '6304')
    throw badQr('no CRC field at the end.');
  const expected = crc16Hex(payload.slice(0, crcAt + 4));
  if (payload.slice(crcAt + 4).toUpperCase() !== expected) throw badQr('checksum mismatch.');
  const root = parseTlv(payload);
  for (const [id, value] of Object.entries(root)) {
    if (isTemplateId(id)) root[id] = parseTemplate(value as string);
  }
  return root;
}

// Merchant account information (26–51), additional data (62), language template (64) and the
// unreserved templates (80–99) hold TLV fields of their own.
function isTemplateId(id: string): boolean {
  const n = Number(id);
  return (n >= 26 && n <= 51) || n === 62 || n === 64 || n >= 80;
}

function parseTemplate(value: string): EmvFields {
  const fields = parseTlv(value);
  // Inside NAPAS's template, 01 (beneficiary organisation) is itself TLV: acquirer BIN and account.
  if (fields['00'] === NAPAS_GUID && typeof fields['01'] === 'string')
    fields['01'] = parseTlv(fields['01']);
  return fields;
}

function parseTlv(text: string): EmvFields {
  const fields: EmvFields = {};
  let at = 0;
  while (at < text.length) {
    const head = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(head)) throw badQr(`malformed field at position ${at}.`);
    const id = head.slice(0, 2);
    const length = Number(head.slice(2));
    const value = text.slice(at + 4, at + 4 + length);
    if (value.length !== length) throw badQr(`field ${id} is cut short.`);
    if (id in fields) throw badQr(`field ${id} appears twice.`);
    fields[id] = value;
    at += 4 + length;
  }
  return fields;
}

export interface VietQrTransfer {
  bankBin: string;
  accountNumber: string;
  serviceCode: string;
  amountVnd: number | null;
  memo: string | null;
}

/** The transfer a VietQR payload asks for, for double-checking what we show before a buyer scans it. */
export function readVietQr(payload: string): VietQrTransfer {
  const fields = parseEmvQr(payload);
  const merchant = fields['38'];
  const beneficiary = typeof merchant === 'object' ? merchant['01'] : undefined;
  if (
    typeof merchant !== 'object' ||
    merchant['00'] !== NAPAS_GUID ||
    typeof beneficiary !== 'object'
  ) {
    throw badQr('not a VietQR (NAPAS) transfer.');
  }
  const additional = fields['62'];
  const amount = fields['54'];
  return {
    bankBin: String(beneficiary['00'] ?? ''),
    accountNumber: String(beneficiary['01'] ?? ''),
    serviceCode: String(merchant['02'] ?? ''),
    amountVnd: typeof amount === 'string' ? Number(amount) : null,
    memo:
      typeof additional === 'object' && typeof additional['08'] === 'string'
        ? additional['08']
        : null,
  };
}
