import { describe, expect, it } from 'vitest';
import {
  addMonths,
  foldKey,
  matchOcopGroup,
  matchPlace,
  parseCalendarDate,
  splitPlaceName,
} from '~/tradeoffice/parse-helpers';

describe('calendar dates as officers type them', () => {
  it('reads YYYY-MM-DD and DD/MM/YYYY (with or without leading zeros)', () => {
    expect(parseCalendarDate('2025-03-15')).toBe('2025-03-15');
    expect(parseCalendarDate('15/03/2025')).toBe('2025-03-15');
    expect(parseCalendarDate(' 2/4/2025 ')).toBe('2025-04-02');
  });
  it('rejects impossible dates and other shapes', () => {
    for (const bad of [
      '31/02/2025',
      '2025-02-30',
      '29/02/2025',
      '2025-13-01',
      '00/01/2025',
      '15-03-2025',
      '2025/03/15',
      '15.03.2025',
      '',
      'hôm nay',
    ]) {
      expect(parseCalendarDate(bad), bad).toBeNull();
    }
    expect(parseCalendarDate('29/02/2024')).toBe('2024-02-29');
  });
  it('adds the 36 months of a certificate, clamping to the end of short months', () => {
    expect(addMonths('2025-03-15', 36)).toBe('2028-03-15');
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
  });
});

describe('place names', () => {
  it('splits the administrative prefix from the folded name', () => {
    expect(splitPlaceName('Xã Sìn Hồ')).toEqual({ prefix: 'xa', key: 'sin ho' });
    expect(splitPlaceName('  thị  trấn Tam Đường ')).toEqual({
      prefix: 'thi tran',
      key: 'tam duong',
    });
    expect(splitPlaceName('PHƯỜNG Đoàn Kết')).toEqual({ prefix: 'phuong', key: 'doan ket' });
    expect(splitPlaceName('Xã')).toEqual({ prefix: null, key: 'xa' });
    expect(splitPlaceName('Xuân Hòa')).toEqual({ prefix: null, key: 'xuan hoa' });
  });

  const places = [
    { code: '03388', name: 'Phường Đoàn Kết' },
    { code: '03478', name: 'Xã Sìn Hồ' },
    { code: '04000', name: 'Xã Tân Phong' },
    { code: '03408', name: 'Phường Tân Phong' },
  ];
  it('matches by code, with or without leading zeros', () => {
    expect(matchPlace(places, '03478')).toMatchObject({ ok: true, place: { code: '03478' } });
    expect(matchPlace(places, '3478')).toMatchObject({ ok: true, place: { code: '03478' } });
    expect(matchPlace(places, '3479')).toEqual({ ok: false, reason: 'not_found', candidates: [] });
  });
  it('matches by name with or without diacritics and prefix', () => {
    for (const typed of [
      'Xã Sìn Hồ',
      'Sìn Hồ',
      'sin ho',
      'XA SIN HO',
      'Sìn Hồ'.normalize('NFD'),
      'Doan Ket',
    ]) {
      expect(matchPlace(places, typed).ok, typed).toBe(true);
    }
  });
  it('refuses a prefix that contradicts the official one', () => {
    expect(matchPlace(places, 'Phường Sìn Hồ')).toMatchObject({ ok: false, reason: 'not_found' });
  });
  it('calls a name shared by a commune and a ward ambiguous until the prefix or code says which', () => {
    const result = matchPlace(places, 'Tân Phong');
    expect(result).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(!result.ok && result.candidates.map((c) => c.code)).toEqual(['04000', '03408']);
    expect(matchPlace(places, 'Phường Tân Phong')).toMatchObject({
      ok: true,
      place: { code: '03408' },
    });
    expect(matchPlace(places, 'xa tan phong')).toMatchObject({
      ok: true,
      place: { code: '04000' },
    });
  });
  it('reports an empty value and unknown names', () => {
    expect(matchPlace(places, '  ')).toEqual({ ok: false, reason: 'empty', candidates: [] });
    expect(matchPlace(places, 'Hà Nội')).toMatchObject({ ok: false, reason: 'not_found' });
    expect(matchPlace([], 'Sìn Hồ')).toMatchObject({ ok: false, reason: 'not_found' });
  });
});

describe('OCOP groups', () => {
  it('accepts the code, the Vietnamese name with or without marks, and the English name', () => {
    expect(matchOcopGroup('beverage')).toBe('beverage');
    expect(matchOcopGroup(' BEVERAGE ')).toBe('beverage');
    expect(matchOcopGroup('Đồ uống')).toBe('beverage');
    expect(matchOcopGroup('do uong')).toBe('beverage');
    expect(matchOcopGroup('Lưu niệm - nội thất - trang trí')).toBe('souvenir');
    expect(matchOcopGroup('Dịch vụ du lịch cộng đồng, du lịch nông thôn')).toBe('tourism');
    expect(matchOcopGroup('Herbal products')).toBe('herbal');
  });
  it('rejects anything else', () => {
    for (const bad of ['', 'rượu', 'drinks', 'food and beverage', '1'])
      expect(matchOcopGroup(bad), bad).toBeNull();
  });
  it('folds keys to words', () => {
    expect(foldKey('  Đồ–uống,  OCOP ')).toBe('do uong ocop');
  });
});
