import { describe, expect, it } from 'vitest';
import { demoRegisterFor } from '~/demo/register.server';
import type { ClaimedListing } from '~/tradeoffice/index.server';

const TODAY = '2026-12-02';
const listing = (i: number, certificateNo = `${100 + i}/QĐ-UBND`): ClaimedListing => ({
  productId: 1000 + i,
  provinceCode: '12',
  productName: `Sản phẩm ${i}`,
  producer: `HTX ${i % 3}`,
  communeCode: `0339${i % 4}`,
  group: 'food',
  stars: 3,
  certificateNo,
  issuedOn: '2025-01-10',
  expiresOn: '2028-01-10',
});

describe('the demo OCOP register of a province', () => {
  const listings = Array.from({ length: 18 }, (_, i) => listing(i));
  const register = demoRegisterFor('12', listings, TODAY);
  const ofListing = register.filter((e) => e.productName.startsWith('Sản phẩm'));
  const confirmed = ofListing.filter((e) => e.matchedProductId !== null);

  it('confirms most listings, leaves some to confirm and some out of the register', () => {
    // 18 listings: 3 left out (one in six), 3 in the register but not confirmed, 12 confirmed.
    expect(ofListing).toHaveLength(15);
    expect(confirmed).toHaveLength(12);
    expect(
      confirmed.every((e) => e.matchedProductId === 1000 + Number(e.productName.slice(9))),
    ).toBe(true);
    const missing = listings.filter(
      (l) => !ofListing.some((e) => e.certificateNo === l.certificateNo),
    );
    expect(missing.map((l) => l.productId)).toEqual([1004, 1010, 1016]);
  });

  it('has certificates running out within 90 days, still valid today', () => {
    const soon = register.filter((e) => e.expiresOn >= TODAY && e.expiresOn <= '2027-03-02');
    expect(soon.length).toBeGreaterThanOrEqual(2);
    for (const e of soon) expect(e.decisionDate <= TODAY).toBe(true);
  });

  it('lists certified products not on the marketplace yet, valid today', () => {
    const notOnline = register.filter((e) => !e.productName.startsWith('Sản phẩm'));
    expect(notOnline.map((e) => e.productName)).toEqual([
      'Chè Shan tuyết Sin Suối Hồ',
      'Cá tầm Sìn Hồ',
      'Miến dong Tân Uyên',
    ]);
    for (const e of notOnline) {
      expect(e.matchedProductId).toBeNull();
      expect(e.decisionDate <= TODAY && e.expiresOn > TODAY).toBe(true);
    }
  });

  it('gives each certificate number one entry, and the same register for the same listings', () => {
    const shared = [listing(0, '1430/QĐ-UBND'), listing(1), listing(2, '1430/QĐ-UBND')];
    const entries = demoRegisterFor('11', shared, TODAY);
    expect(entries.filter((e) => e.certificateNo === '1430/QĐ-UBND')).toHaveLength(1);
    expect(new Set(register.map((e) => e.certificateNo)).size).toBe(register.length);
    expect(demoRegisterFor('12', listings, TODAY)).toEqual(register);
  });

  it('is empty for a province without listings or a list of its own', () => {
    expect(demoRegisterFor('01', [], TODAY)).toEqual([]);
  });
});
