import { describe, expect, it } from 'vitest';
import {
  assertAcceptablePassword,
  hashPassword,
  passwordHashNeedsUpgrade,
  passwordProblem,
  PASSWORD_MAX_LENGTH,
  verifyPassword,
} from '~/accounts/passwords.server';
import { isUserError } from '~/lib/errors';

describe('hashPassword / verifyPassword', () => {
  it('hashes with argon2id (19 MiB, 2 passes, 1 lane) and a fresh salt each time', async () => {
    const first = await hashPassword('mat-khau-rat-dai');
    const second = await hashPassword('mat-khau-rat-dai');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword(first, 'mat-khau-rat-dai')).toBe(true);
    expect(await verifyPassword(second, 'mat-khau-rat-dai')).toBe(true);
  });

  it('refuses the wrong password, an empty one and a stored value that is not a hash', async () => {
    const stored = await hashPassword('mat-khau-rat-dai');
    expect(await verifyPassword(stored, 'mat-khau-sai')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
    expect(await verifyPassword(stored, 'Mat-khau-rat-dai')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await verifyPassword('', 'x')).toBe(false);
    expect(await verifyPassword(stored, 'x'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe(false);
  });

  it('accepts a Vietnamese password typed as decomposed characters (another keyboard)', async () => {
    const precomposed = 'Chè Shan tuyết 2026';
    const stored = await hashPassword(precomposed);
    expect(await verifyPassword(stored, precomposed.normalize('NFD'))).toBe(true);
  });
});

describe('passwordHashNeedsUpgrade', () => {
  it('is false for hashes made today and true for other parameters or garbage', async () => {
    expect(passwordHashNeedsUpgrade(await hashPassword('mat-khau-rat-dai'))).toBe(false);
    const weaker =
      '$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$8w8/P4cA5rGGJ8sFQqH0t1Ov3yNmgoZ5Rdm/2K3dwUs';
    expect(passwordHashNeedsUpgrade(weaker)).toBe(true);
    expect(passwordHashNeedsUpgrade('not a hash')).toBe(true);
  });
});

describe('passwordProblem', () => {
  it('wants at least 8 characters, counted as people see them', () => {
    expect(passwordProblem('')?.vi).toBe('Mật khẩu cần ít nhất 8 ký tự.');
    expect(passwordProblem('short')?.en).toBe('The password needs at least 8 characters.');
    expect(passwordProblem('1234567')?.vi).toMatch(/ít nhất 8/);
    expect(passwordProblem('Đường🌾🌾')).not.toBeNull(); // 7 characters, 9 UTF-16 units
  });
  it('refuses a very long password', () => {
    expect(passwordProblem('x'.repeat(201))?.vi).toMatch(/quá dài/);
    expect(passwordProblem('xy'.repeat(100))).toBeNull();
  });
  it.each([
    'aaaaaaaaaa',
    '00000000',
    'đđđđđđđđ',
    '12345678',
    'PASSWORD',
    'Password1',
    'matkhau123',
    'Mậtkhẩu123',
    'iloveyou',
    'vietnam123',
  ])('calls %s too easy to guess', (password) =>
    expect(passwordProblem(password)?.vi).toBe('Mật khẩu này quá dễ đoán. Hãy chọn mật khẩu khác.'),
  );
  it.each(['che-shan-tuyet-2026', 'Mật khẩu của tôi', 'aaaaaaab'])('accepts %s', (password) =>
    expect(passwordProblem(password)).toBeNull(),
  );
});

describe('assertAcceptablePassword', () => {
  it('throws a 422 on the password field for a weak password and passes a good one', () => {
    try {
      assertAcceptablePassword('12345678');
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && [error.status, error.field, error.code]).toEqual([
        422,
        'password',
        'weak_password',
      ]);
    }
    expect(() => assertAcceptablePassword('che-shan-tuyet-2026')).not.toThrow();
  });
});
