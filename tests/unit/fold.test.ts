import { describe, expect, it } from 'vitest';
import { fold, foldedTokens, slugify } from '~/lib/text';

describe('fold', () => {
  it('removes every tone and vowel mark and lower-cases', () => {
    expect(fold('Miến dong')).toBe('mien dong');
    expect(fold('CHÈ SHAN TUYẾT')).toBe('che shan tuyet');
    expect(fold('Mật ong rừng bạc hà')).toBe('mat ong rung bac ha');
    expect(fold('ỷ ỹ ỵ ữ ự ở ợ')).toBe('y y y u u o o');
  });
  it('folds đ and Đ to d, which NFD alone does not', () => {
    expect(fold('đường')).toBe('duong');
    expect(fold('Đường phèn')).toBe('duong phen');
    expect(fold('Điện Biên')).toBe('dien bien');
  });
  it('treats decomposed input like composed input', () => {
    expect(fold('Lào Cai'.normalize('NFD'))).toBe(fold('Lào Cai'));
  });
  it('leaves digits and ASCII alone', () => {
    expect(fold('OCOP 4 sao')).toBe('ocop 4 sao');
    expect(fold('')).toBe('');
  });
});

describe('foldedTokens and slugify', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(foldedTokens('Chè Shan-tuyết, 200g!')).toEqual(['che', 'shan', 'tuyet', '200g']);
    expect(foldedTokens('  ')).toEqual([]);
  });
  it('makes URL slugs from Vietnamese names', () => {
    expect(slugify('Chè Shan tuyết Tà Xùa')).toBe('che-shan-tuyet-ta-xua');
    expect(slugify('Gạo séng cù Điện Biên (5 kg)')).toBe('gao-seng-cu-dien-bien-5-kg');
  });
});
