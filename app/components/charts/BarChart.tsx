import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the value, e.g. "%". */
  unit?: string;
}

/**
 * A server-rendered horizontal bar chart that reads without JavaScript and prints well, with the same
 * numbers in a table for screen readers and spreadsheets.
 */
export function BarChart({ title, bars, max, valueHeader }: { title: string; bars: Bar[]; max?: number; valueHeader: string }) {
  const id = useId();
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const row = 28;
  const width = 520;
  const labelWidth = 190;
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${width} ${bars.length * row + 8}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {bars.map((bar, i) => {
          const length = Math.round(((width - labelWidth - 70) * bar.value) / top);
          return (
            <g key={bar.label} transform={`translate(0 ${i * row + 4})`}>
              <text x={labelWidth - 8} y={17} textAnchor="end" fontSize="13">{bar.label}</text>
              <rect x={labelWidth} y={4} width={Math.max(1, length)} height={18} fill="#2f6b3a" />
              <text x={labelWidth + length + 6} y={17} fontSize="13">{bar.value}{bar.unit ?? ''}</text>
            </g>
          );
        })}
      </svg>
      <table className="data">
        <caption className="visually-hidden">{title}</caption>
        <thead><tr><th scope="col">{title}</th><th scope="col">{valueHeader}</th></tr></thead>
        <tbody>{bars.map((b) => <tr key={b.label}><th scope="row">{b.label}</th><td>{b.value}{b.unit ?? ''}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
