import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerOrganizationSchema } from '~/catalogue';
import { catalogueMessages } from '~/i18n/messages/catalogue';
import { commonMessages } from '~/i18n/messages/common';
import { defineMessages, formatMessage, messageByKey } from '~/i18n/messages';
import { cleanText, formField, formValues, parseSubmission } from '~/lib/form';
import { readFormData } from '~/lib/forms.server';

function form(entries: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const one of [v].flat()) data.append(k, one);
  return data;
}

describe('form values', () => {
  it('trims, NFC-normalises and strips control characters but keeps line breaks', () => {
    expect(cleanText('  Mie\u0302\u0300n dong\u0000\u001b  ')).toBe('Miền dong');
    expect(cleanText('a\nb\tc')).toBe('a\nb\tc');
  });
  it('keeps repeated names as arrays', () => {
    expect(formValues(form({ a: ['1', '2'], b: 'x' }))).toEqual({ a: ['1', '2'], b: 'x' });
  });
});

describe('parseSubmission', () => {
  const valid = {
    name: 'HTX Chè Shan Tuyết',
    kind: 'cooperative',
    provinceCode: '12',
    communeCode: '03910',
    addressLine: 'Bản Sàng Ma Sáo',
    phone: '0912 345 678',
    taxCode: '',
    description: '',
  };
  it('returns the typed value', () => {
    const result = parseSubmission(registerOrganizationSchema, form(valid));
    expect(result).toEqual({
      ok: true,
      value: { ...valid, phone: '+84912345678', taxCode: null },
    });
  });
  it('gives every failing field its own message in both languages', () => {
    const result = parseSubmission(
      registerOrganizationSchema,
      form({ ...valid, name: 'ab', kind: 'club', phone: '12', taxCode: '123' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      name: { vi: catalogueMessages.organizationNameLength.vi },
      kind: { en: catalogueMessages.organizationKindRequired.en },
      phone: { vi: catalogueMessages.phoneInvalid.vi },
      taxCode: { vi: catalogueMessages.taxCodeFormat.vi },
    });
    expect(result.values.name).toBe('ab');
  });
  it('answers a missing field with "required" and an unknown issue with a generic message', () => {
    const schema = z.object({ a: z.string(), b: z.string().email() });
    const result = parseSubmission(schema, form({ b: 'x' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.a).toEqual(commonMessages.required);
    expect(result.fieldErrors.b).toEqual(commonMessages.invalidValue);
  });
  it('reads whole numbers, with or without thousands dots', () => {
    const schema = z.object({ n: formField.int({ min: 1, max: 5_000_000 }) });
    expect(parseSubmission(schema, form({ n: '1.200.000' }))).toEqual({
      ok: true,
      value: { n: 1_200_000 },
    });
    for (const bad of ['', '-3', '1,5', 'abc', '0', '9999999']) {
      expect(parseSubmission(schema, form({ n: bad })).ok, bad).toBe(false);
    }
  });
});

describe('messages', () => {
  it('are registered by key and formatted in both languages', () => {
    const m = defineMessages('test', { hello: { vi: 'Chào {name}', en: 'Hello {name}' } });
    expect(m.hello.key).toBe('test.hello');
    expect(messageByKey('test.hello')).toEqual({ vi: 'Chào {name}', en: 'Hello {name}' });
    expect(formatMessage(m.hello, { name: 'An' })).toEqual({ vi: 'Chào An', en: 'Hello An' });
  });
  it('refuse one key declared twice with different text', () => {
    expect(() => defineMessages('test', { hello: { vi: 'Khác', en: 'Other' } })).toThrow(/twice/);
  });
});

describe('readFormData', () => {
  const post = (body: BodyInit, type?: string) =>
    new Request('http://x/', {
      method: 'POST',
      body,
      headers: type ? { 'Content-Type': type } : {},
    });
  it('reads url-encoded and multipart forms', async () => {
    expect((await readFormData(post('a=1', 'application/x-www-form-urlencoded'))).get('a')).toBe(
      '1',
    );
    expect((await readFormData(post(form({ a: '2' })))).get('a')).toBe('2');
  });
  it('refuses a body that is not a form with 415 and a broken multipart body with 400', async () => {
    await expect(readFormData(post('a=1', 'text/plain'))).rejects.toMatchObject({ status: 415 });
    await expect(
      readFormData(post('--x\r\nbroken', 'multipart/form-data; boundary=x')),
    ).rejects.toMatchObject({ status: 400 });
  });
});
