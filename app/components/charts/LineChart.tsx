import { ChartFigure, formatChartValue, shortLabel } from './ChartFigure';

export interface LinePoint {
  label: string;
  value: number;
  /** Drill-down page of the rows behind the point. */
  href?: string;
}

const WIDTH = 560;
const HEIGHT = 240;
const PAD = { top: 24, right: 24, bottom: 36, left: 44 };

/**
 * A server-rendered line chart for a trend (the KPI month by month): every point carries its value,
 * an optional dashed target line (the 100% goal), and the same numbers in a table.
 */
export function LineChart({
  title,
  points,
  max,
  unit,
  target,
  targetLabel,
  valueHeader,
  labelHeader,
  description,
  empty,
}: {
  title: string;
  points: LinePoint[];
  /** Top of the vertical axis; defaults to the largest value (or the target). */
  max?: number;
  unit?: string;
  target?: number;
  targetLabel?: string;
  valueHeader: string;
  labelHeader: string;
  description?: string;
  /** Shown instead of the chart when there are no points. */
  empty: string;
}) {
  const safe = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);
  const top = Math.max(1, max ?? 0, target ?? 0, ...points.map((p) => safe(p.value)));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + (points.length <= 1 ? plotWidth / 2 : (plotWidth * i) / (points.length - 1));
  const y = (value: number) =>
    PAD.top + plotHeight - (plotHeight * Math.min(safe(value), top)) / top;
  const round = (n: number) => Math.round(n * 10) / 10;
  // Every label when they fit, else every second or third one, so month names never overlap.
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  return (
    <ChartFigure
      title={title}
      description={description}
      width={WIDTH}
      height={HEIGHT}
      rows={points.map((p) => ({ ...p, unit }))}
      labelHeader={labelHeader}
      valueHeader={valueHeader}
      empty={empty}
    >
      {[0, 0.5, 1].map((share) => (
        <g key={share}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={round(y(top * share))}
            y2={round(y(top * share))}
            stroke="#c9d2cb"
            strokeWidth="1"
          />
          <text
            x={PAD.left - 6}
            y={round(y(top * share)) + 4}
            textAnchor="end"
            fontSize="11"
            fill="#4b564e"
          >
            {formatChartValue(round(top * share), unit)}
          </text>
        </g>
      ))}
      {target !== undefined ? (
        <g>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={round(y(target))}
            y2={round(y(target))}
            stroke="#8a5a00"
            strokeWidth="1.5"
            strokeDasharray="6 4"
          />
          {targetLabel ? (
            <text
              x={WIDTH - PAD.right}
              y={round(y(target)) - 5}
              textAnchor="end"
              fontSize="11"
              fill="#8a5a00"
            >
              {targetLabel}
            </text>
          ) : null}
        </g>
      ) : null}
      {points.length > 1 ? (
        <polyline
          fill="none"
          stroke="#2f6b3a"
          strokeWidth="2.5"
          points={points.map((p, i) => `${round(x(i))},${round(y(p.value))}`).join(' ')}
        />
      ) : null}
      {points.map((point, i) => (
        <g key={`${i}-${point.label}`}>
          <title>{`${point.label}: ${formatChartValue(point.value, unit)}`}</title>
          <circle cx={round(x(i))} cy={round(y(point.value))} r="4" fill="#2f6b3a" />
          <text
            x={round(x(i))}
            y={round(y(point.value)) - 8}
            textAnchor="middle"
            fontSize="11"
            fill="#1f2a22"
          >
            {formatChartValue(point.value, unit)}
          </text>
          {i % labelEvery === 0 || i === points.length - 1 ? (
            <text
              x={round(x(i))}
              y={HEIGHT - PAD.bottom + 18}
              textAnchor="middle"
              fontSize="11"
              fill="#1f2a22"
            >
              {shortLabel(point.label, 12)}
            </text>
          ) : null}
        </g>
      ))}
    </ChartFigure>
  );
}
