/** Character range in the (folded) query text. */
export interface Span {
  start: number;
  end: number;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const STARS = [
  new RegExp(
    `${B}(?:ocop\\s*)?([345])\\s*(?:sao|\\*|⭐|stars?)(?:\\s*ocop)?(?![\\p{L}\\p{N}*])`,
    'u',
  ),
  new RegExp(`${B}ocop\\s*([345])${E}`, 'u'),
  new RegExp(`${B}(?:hang\\s*)?([345])\\s*sao${E}`, 'u'),
];

/** "4 sao", "ocop 5 sao", "5*", "ocop 3", "4 sao ocop" in folded text. */
export function findStars(folded: string): { stars: 3 | 4 | 5; span: Span } | null {
  for (const pattern of STARS) {
    const m = pattern.exec(folded);
    if (m)
      return {
        stars: Number(m[1]) as 3 | 4 | 5,
        span: { start: m.index, end: m.index + m[0].length },
      };
  }
  return null;
}

const NUMBER = '(\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?)';
const UNIT = '(k|nghin|ngan|n|tr|trieu|d|dong|vnd|₫)?';
const RANGE = new RegExp(
  `${B}(?:tu\\s*|gia\\s*)?${NUMBER}\\s*${UNIT}\\s*(?:-|–|den|toi)\\s*${NUMBER}\\s*${UNIT}(?![\\p{L}\\p{N}])`,
  'u',
);
const BELOW = new RegExp(
  `${B}(?:duoi|<=?|toi da|khong qua|re hon|nho hon)\\s*${NUMBER}\\s*${UNIT}(?![\\p{L}\\p{N}])`,
  'u',
);
const ABOVE = new RegExp(
  `${B}(?:tren|>=?|tu|hon|lon hon)\\s*${NUMBER}\\s*${UNIT}(?![\\p{L}\\p{N}])`,
  'u',
);

/** An amount in đồng, or null when it does not read as a price (no unit and under 1,000). */
function amount(number: string, unit: string | undefined, fallbackUnit?: string): number | null {
  const u = unit ?? fallbackUnit;
  const grouped = /^\d{1,3}([.,]\d{3})+$/.test(number);
  const value = grouped ? Number(number.replace(/[.,]/g, '')) : Number(number.replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const multiplier =
    u === 'k' || u === 'nghin' || u === 'ngan' || u === 'n'
      ? 1_000
      : u === 'tr' || u === 'trieu'
        ? 1_000_000
        : 1;
  const vnd = Math.round(value * multiplier);
  if (multiplier === 1 && vnd < 1_000) return null;
  return Number.isSafeInteger(vnd) ? vnd : null;
}

/** "dưới 200k", "200-500k", "từ 200.000 đến 500.000", "trên 1tr" in folded text, outside `taken`. */
export function findPrice(
  folded: string,
  taken: Span[],
): { min: number | null; max: number | null; span: Span } | null {
  const free = (m: RegExpExecArray) =>
    !taken.some((s) => m.index < s.end && m.index + m[0].length > s.start);
  const span = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length });
  const range = RANGE.exec(folded);
  if (range && free(range)) {
    const max = amount(range[3]!, range[4]);
    const min = amount(range[1]!, range[2], range[4]);
    if (min !== null && max !== null && min <= max) return { min, max, span: span(range) };
  }
  const below = BELOW.exec(folded);
  if (below && free(below)) {
    const max = amount(below[1]!, below[2]);
    if (max !== null) return { min: null, max, span: span(below) };
  }
  const above = ABOVE.exec(folded);
  if (above && free(above) && above[2]) {
    const min = amount(above[1]!, above[2]);
    if (min !== null) return { min, max: null, span: span(above) };
  }
  return null;
}
