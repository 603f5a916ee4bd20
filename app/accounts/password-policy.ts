import { accountsMessages as m } from '~/i18n/messages/accounts';
import { defineMessages, formatMessage, type KeyedMessage } from '~/i18n/messages';

// The password policy, isomorphic so the sign-up and reset forms' schema uses the same rules as the server.

export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for any passphrase, short enough that nobody makes us hash a megabyte. */
export const PASSWORD_MAX_LENGTH = 200;

/** The policy's messages with its numbers filled in, keyed so a form schema can carry them. */
const problems = defineMessages('passwordPolicy', {
  tooShort: formatMessage(m.passwordTooShort, { min: PASSWORD_MIN_LENGTH }),
  tooLong: formatMessage(m.passwordTooLong, { max: PASSWORD_MAX_LENGTH }),
});

/*
 * The same Vietnamese password can arrive as precomposed (NFC) or decomposed (NFD) characters depending
 * on the phone's keyboard (Telex/VNI on Android vs iOS), so both hashing and checking use NFC.
 */
export const normalizePassword = (password: string) => password.normalize('NFC');

/** Top of the leaked-password lists, plus what people here pick first (lower-cased, accents removed). */
const COMMON = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '87654321',
  '12341234',
  '11223344',
  '123123123',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwertyui',
  'qwerty123',
  'abc12345',
  'abcd1234',
  'iloveyou',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'trustno1',
  'welcome1',
  'matkhau',
  'matkhau1',
  'matkhau123',
  'vietnam123',
  'vietnam1',
  'anhyeuem',
  'emyeuanh',
  'yeuemnhieu',
  'chophien',
  'chophien123',
  'admin123',
  'admin1234',
]);

const fold = (password: string) =>
  password
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

/** Why a password is too weak, or null when it is acceptable. Vietnamese first, English second. */
export function passwordProblem(password: string): KeyedMessage | null {
  const length = [...normalizePassword(password)].length;
  if (length < PASSWORD_MIN_LENGTH) return problems.tooShort;
  if (length > PASSWORD_MAX_LENGTH) return problems.tooLong;
  if (/^(.)\1+$/su.test(password) || COMMON.has(fold(password))) return m.passwordTooCommon;
  return null;
}
