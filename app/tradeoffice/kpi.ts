export interface KpiEntry {
  id: number;
  productName: string;
  producer: string;
  stars: number;
  group: string;
  communeCode: string | null;
  decisionDate: string;
  expiresOn: string;
  matchedProductId: number | null;
}

export interface KpiListing {
  id: number;
  name: string;
  status: string;
  publishedAt: string | null;
  claimsOcop: boolean;
}

export interface Breakdown {
  key: string;
  total: number;
  online: number;
  percent: number;
}

const pct = (online: number, total: number) => (total === 0 ? 0 : Math.round((1000 * online) / total) / 10);

/**
 * The "100% of OCOP products online" KPI. Denominator: register entries whose certificate is valid on
 * `today`. Numerator: those matched to a published listing. Everything else is the to-do list.
 */
export function computeKpi(entries: KpiEntry[], listings: KpiListing[], today: string, months = 12) {
  const byId = new Map(listings.map((l) => [l.id, l]));
  const isOnline = (e: KpiEntry) => e.matchedProductId !== null && byId.get(e.matchedProductId)?.status === 'published';
  const valid = entries.filter((e) => e.expiresOn >= today);
  const online = valid.filter(isOnline);
  const breakdown = (key: (e: KpiEntry) => string): Breakdown[] => {
    const groups = new Map<string, { total: number; online: number }>();
    for (const e of valid) {
      const g = groups.get(key(e)) ?? { total: 0, online: 0 };
      g.total++;
      if (isOnline(e)) g.online++;
      groups.set(key(e), g);
    }
    return [...groups].map(([k, g]) => ({ key: k, ...g, percent: pct(g.online, g.total) })).sort((a, b) => a.key.localeCompare(b.key));
  };
  const horizon = new Date(Date.parse(today) + 90 * 86_400_000).toISOString().slice(0, 10);
  const matchedIds = new Set(entries.map((e) => e.matchedProductId).filter((id): id is number => id !== null));

  const trend = [];
  const [year, month] = today.split('-').map(Number);
  for (let i = months - 1; i >= 0; i--) {
    const end = new Date(Date.UTC(year, month - i, 0)).toISOString().slice(0, 10);
    const validThen = entries.filter((e) => e.decisionDate <= end && e.expiresOn >= end);
    const onlineThen = validThen.filter((e) => {
      const listing = e.matchedProductId !== null ? byId.get(e.matchedProductId) : undefined;
      return listing?.status === 'published' && listing.publishedAt !== null && listing.publishedAt.slice(0, 10) <= end;
    });
    trend.push({ month: end.slice(0, 7), total: validThen.length, online: onlineThen.length, percent: pct(onlineThen.length, validThen.length) });
  }

  return {
    total: valid.length,
    online: online.length,
    percent: pct(online.length, valid.length),
    byStars: breakdown((e) => String(e.stars)),
    byGroup: breakdown((e) => e.group),
    byCommune: breakdown((e) => e.communeCode ?? ''),
    trend,
    todo: valid.filter((e) => !isOnline(e)),
    expiringSoon: valid.filter((e) => e.expiresOn <= horizon),
    expiredButListed: entries.filter((e) => e.expiresOn < today && e.matchedProductId !== null && byId.get(e.matchedProductId)?.status === 'published'),
    listedNotInRegister: listings.filter((l) => l.status === 'published' && l.claimsOcop && !matchedIds.has(l.id)),
  };
}

export type Kpi = ReturnType<typeof computeKpi>;
