import { useId, type ReactNode } from 'react';

export interface ChartRow {
  label: string;
  value: number;
  unit?: string;
  /** The page listing the rows behind this value (the dashboard's drill-down); the table's label links to it. */
  href?: string;
  /** The value as text when the plain number will not do (money: `1.313.400 ₫`). */
  display?: string;
}

/** `55.6` → `55.6%`; NaN and infinities (a bug upstream) show as a dash rather than "NaN". */
export function formatChartValue(value: number, unit = ''): string {
  return Number.isFinite(value) ? `${value}${unit}` : '—';
}

/** SVG text does not wrap: long labels are cut with an ellipsis and shown whole in the table and tooltip. */
export function shortLabel(label: string, max = 28): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The frame every chart shares: a figure captioned by its title, the SVG labelled by that caption
 * (role="img", so screen readers announce it as one image) and a table with the same numbers,
 * which is what assistive technology, copy-paste and a chart that fails to print fall back on.
 * The title is written once: the table is labelled by the same caption rather than repeating it, and
 * its first column has a heading of its own. With no rows the figure says so (and what to do) instead
 * of drawing an empty frame.
 */
export function ChartFigure({
  title,
  description,
  width,
  height,
  rows,
  labelHeader,
  valueHeader,
  empty,
  children,
}: {
  title: string;
  description?: string;
  width: number;
  height: number;
  rows: ChartRow[];
  labelHeader: string;
  valueHeader: string;
  /** What the figure says instead of an empty chart: that there is nothing yet, and what to do. */
  empty: string;
  children: ReactNode;
}) {
  const id = useId();
  const titleId = `${id}title`;
  const descId = `${id}desc`;
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      {rows.length === 0 ? <p className="chart-empty">{empty}</p> : null}
      {description && rows.length > 0 ? (
        <p id={descId} className="muted">
          {description}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <>
          <svg
            role="img"
            aria-labelledby={description ? `${titleId} ${descId}` : titleId}
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            preserveAspectRatio="xMinYMin meet"
            fontFamily="system-ui, sans-serif"
          >
            {children}
          </svg>
          <table className="data" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                <th scope="col">{valueHeader}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={`${i}-${row.label}`}>
                  <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
                  <td>{row.display ?? formatChartValue(row.value, row.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </figure>
  );
}
