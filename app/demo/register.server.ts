import type { DB } from '~db/connection.server';
import { addMonths, todayInVietnam } from '~/lib/dates';
import {
  addSeedRegisterEntries,
  type ClaimedListing,
  listClaimedListings,
  type SeedRegisterEntry,
} from '~/tradeoffice/index.server';

const VALIDITY_MONTHS = 36;
const DAY_MS = 86_400_000;

/** OCOP products a province has certified that are not on Chợ Phiên yet: the officers' to-do list. */
const NOT_ONLINE: Record<
  string,
  Array<[name: string, producer: string, group: string, stars: 3 | 4 | 5]>
> = {
  '11': [
    ['Mắc ca sấy Tủa Chùa', 'HTX Mắc ca Tủa Chùa', 'food', 3],
    ['Rượu ngô Sư Phìn', 'HTX Rượu truyền thống Sư Phìn', 'beverage', 3],
    ['Gạo Mường Thanh', 'HTX Nông nghiệp Sam Mứn', 'food', 4],
  ],
  '12': [
    ['Chè Shan tuyết Sin Suối Hồ', 'HTX Chè Sin Suối Hồ', 'beverage', 4],
    ['Cá tầm Sìn Hồ', 'HTX Thủy sản Sìn Hồ', 'food', 3],
    ['Miến dong Tân Uyên', 'HTX Miến dong Tân Uyên', 'food', 3],
  ],
  '15': [
    ['Tương ớt Mường Khương', 'HTX Nông sản Mường Khương', 'food', 3],
    ['Chè Shan tuyết Nghĩa Lộ', 'HTX Chè Nghĩa Lộ', 'beverage', 4],
    ['Cam sành Bắc Quang', 'HTX Cây ăn quả Bảo Yên', 'food', 3],
  ],
  '19': [
    ['Chè Trại Cài', 'HTX Chè Trại Cài', 'beverage', 4],
    ['Miến dong Ngân Sơn', 'HTX Miến dong Ngân Sơn', 'food', 3],
    ['Bánh chưng Bờ Đậu', 'HTX Bánh chưng Bờ Đậu', 'food', 3],
  ],
};

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(isoDate) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The register of one province, built from its demo listings so the dashboard shows what an office
 * sees on day one: most OCOP listings confirmed against the register, one in six still in the
 * register but not confirmed (a suggestion to check), one in six not in the register at all (a
 * listing claiming stars the office has not recorded, or a certificate number already given to
 * another product), a few certificates running out within 90 days, and certified products that are
 * not on the marketplace yet. Pure and deterministic: the same listings give the same register.
 */
export function demoRegisterFor(
  provinceCode: string,
  listings: ClaimedListing[],
  today: string,
): SeedRegisterEntry[] {
  const entries: SeedRegisterEntry[] = [];
  const numbers = new Set<string>();
  let matched = 0;
  listings.forEach((listing, i) => {
    if (numbers.has(listing.certificateNo) || i % 6 === 4) return;
    numbers.add(listing.certificateNo);
    const confirmed = i % 6 !== 1;
    // Every fifth confirmed certificate was renewed just under 36 months ago: it lapses within 90 days.
    const expiring = confirmed && matched++ % 5 === 2;
    const decisionDate = expiring
      ? addDays(addMonths(today, -VALIDITY_MONTHS), 10 + 12 * (matched % 6))
      : listing.issuedOn;
    entries.push({
      provinceCode,
      productName: listing.productName,
      producer: listing.producer,
      stars: listing.stars,
      certificateNo: listing.certificateNo,
      decisionDate,
      expiresOn: expiring ? addMonths(decisionDate, VALIDITY_MONTHS) : listing.expiresOn,
      group: listing.group,
      communeCode: listing.communeCode,
      matchedProductId: confirmed ? listing.productId : null,
    });
  });
  const communes = [...new Set(listings.map((l) => l.communeCode))];
  (NOT_ONLINE[provinceCode] ?? []).forEach(([productName, producer, group, stars], k) => {
    const decisionDate = addMonths(today, -(4 + 7 * k));
    entries.push({
      provinceCode,
      productName,
      producer,
      stars,
      certificateNo: `${880 + 11 * k}/QĐ-UBND`,
      decisionDate,
      expiresOn: addMonths(decisionDate, VALIDITY_MONTHS),
      group,
      communeCode: communes[k % Math.max(1, communes.length)] ?? null,
      matchedProductId: null,
    });
  });
  return entries;
}

/** Seeds the demo OCOP register of every province with demo listings (once: entries are keyed). */
export async function seedDemoRegister(db: DB, now = new Date()): Promise<number> {
  const today = todayInVietnam(now);
  const byProvince = new Map<string, ClaimedListing[]>();
  for (const listing of await listClaimedListings(db)) {
    const list = byProvince.get(listing.provinceCode) ?? [];
    list.push(listing);
    byProvince.set(listing.provinceCode, list);
  }
  const entries = [...byProvince].flatMap(([code, listings]) =>
    demoRegisterFor(code, listings, today),
  );
  return addSeedRegisterEntries(db, entries, now);
}
