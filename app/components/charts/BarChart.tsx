import { ChartFigure, formatChartValue, shortLabel } from './ChartFigure';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the value, e.g. "%". */
  unit?: string;
  /** Drill-down page of the rows behind the bar. */
  href?: string;
  /** The value as text (money with the money formatter); the number with its unit otherwise. */
  display?: string;
}

// Each bar has its label on a line of its own above it, across the whole width: a label beside the
// bar had 190 of 520 units and was cut ("Chuyển khoản ngân hàng (12 đơn, 1…") on every phone.
const ROW = 44;
// About a phone's width in CSS pixels, so the 13-unit text reads at about 13 px there.
const WIDTH = 360;
const VALUE_SPACE = 70;
const LABEL_CHARS = 50;

/**
 * A server-rendered horizontal bar chart that reads without JavaScript and prints well (solid fills,
 * every value written beside its bar), with the same numbers in a table.
 */
export function BarChart({
  title,
  bars,
  max,
  valueHeader,
  labelHeader,
  description,
  empty,
}: {
  title: string;
  bars: Bar[];
  /** The value a full-length bar stands for (100 for percentages); defaults to the largest value. */
  max?: number;
  valueHeader: string;
  /** Heading of the label column of the table; the title by default. */
  labelHeader: string;
  description?: string;
  /** Shown instead of the chart when there are no bars: say what would fill it. */
  empty: string;
}) {
  const safe = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);
  const top = Math.max(1, max ?? 0, ...bars.map((b) => safe(b.value)));
  const text = (bar: Bar) => bar.display ?? formatChartValue(bar.value, bar.unit);
  // Room for the longest value written after its bar (about 7.5 units per character at font size 13).
  const valueSpace = Math.max(
    VALUE_SPACE,
    ...bars.map((b) => Math.ceil(text(b).length * 7.5) + 12),
  );
  const length = (value: number) => Math.round(((WIDTH - valueSpace) * safe(value)) / top);
  return (
    <ChartFigure
      title={title}
      description={description}
      width={WIDTH}
      height={Math.max(1, bars.length) * ROW + 8}
      rows={bars}
      labelHeader={labelHeader}
      valueHeader={valueHeader}
      empty={empty}
    >
      {bars.map((bar, i) => (
        <g key={`${i}-${bar.label}`} transform={`translate(0 ${i * ROW + 4})`}>
          <title>{`${bar.label}: ${text(bar)}`}</title>
          <text x={0} y={13} fontSize="13" fill="#1f2a22">
            {shortLabel(bar.label, LABEL_CHARS)}
          </text>
          <rect x={0} y={19} width={Math.max(1, length(bar.value))} height={16} fill="#2f6b3a" />
          <text x={length(bar.value) + 6} y={32} fontSize="13" fill="#1f2a22">
            {text(bar)}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}
