/** Links of the trade office pages: one figure's drill-down, one download. */

/** The drill-down page of one figure: the rows that were counted to make it. */
export function drillHref(
  provinceCode: string,
  figure: string,
  params: Record<string, string | number> = {},
): string {
  const query = new URLSearchParams({ tinh: provinceCode, figure });
  for (const [name, value] of Object.entries(params)) query.set(name, String(value));
  return `/so-cong-thuong/chi-tiet?${query}`;
}

/** A download of the dashboard (`bang`: kpi, todo, chung-nhan, ban-hang, tem, bao-cao-thang). */
export const exportHref = (provinceCode: string, table: string) =>
  `/so-cong-thuong/xuat?tinh=${provinceCode}&bang=${table}`;
