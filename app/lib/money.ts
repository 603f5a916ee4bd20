/** Whole Vietnamese đồng. VND has no minor unit; never a float. */
export type Vnd = number & { readonly __brand?: 'Vnd' };

export function isWholeVnd(value: unknown): value is Vnd {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** `120000` → `120.000 ₫` (dot thousands separator, as Vietnamese write it, whatever the UI language). */
export function formatVnd(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new TypeError(`not a whole VND amount: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${digits} ₫`;
}

/** Parses what people type for a price: `120000`, `120.000`, `120,000`, `120.000 ₫`, `120000đ`. */
export function parseVnd(text: string): Vnd | null {
  const cleaned = text.trim().replace(/\s|₫|đ|vnd|vnđ/gi, '');
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(/[.,]/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}
