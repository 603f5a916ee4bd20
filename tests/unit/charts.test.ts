import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from '~/components/charts/BarChart';
import { formatChartValue, shortLabel } from '~/components/charts/ChartFigure';
import { LineChart } from '~/components/charts/LineChart';

// The test files are .ts (no JSX), so the components are created with createElement.
type BarProps = Parameters<typeof BarChart>[0];
type LineProps = Parameters<typeof LineChart>[0];
const EMPTY = 'Chưa có số liệu: nhập sổ OCOP ở mục bên dưới.';
const bar = (props: Omit<BarProps, 'empty' | 'labelHeader'> & Partial<BarProps>) =>
  renderToStaticMarkup(createElement(BarChart, { labelHeader: 'Mục', empty: EMPTY, ...props }));
const line = (props: Omit<LineProps, 'empty' | 'labelHeader'> & Partial<LineProps>) =>
  renderToStaticMarkup(createElement(LineChart, { labelHeader: 'Mục', empty: EMPTY, ...props }));
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
const tableRows = (html: string) =>
  [...html.matchAll(/<tr><th scope="row">(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)].map((m) => [
    m[1],
    m[2],
  ]);

describe('BarChart', () => {
  const html = bar({
    title: 'Theo hạng sao (%)',
    valueHeader: '%',
    labelHeader: 'Hạng sao',
    max: 100,
    bars: [
      { label: '3 ★ (1/4)', value: 25, unit: '%' },
      { label: '4 ★ (3/4)', value: 75, unit: '%' },
      { label: '5 ★ (1/1)', value: 100, unit: '%' },
    ],
  });

  it('is a captioned figure whose SVG image is labelled by the caption', () => {
    expect(html.startsWith('<figure class="chart"><figcaption id="')).toBe(true);
    const captionId = /<figcaption id="([^"]+)">Theo hạng sao \(%\)<\/figcaption>/.exec(html)?.[1];
    expect(captionId).toBeTruthy();
    expect(html).toContain(`<svg role="img" aria-labelledby="${captionId}"`);
  });
  it('draws one bar per value, scaled to the maximum, with visible value labels', () => {
    expect(count(html, /<rect /g)).toBe(3);
    // 290 units (the width less room for the value) stand for 100 %.
    expect([...html.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([
      73, 218, 290,
    ]);
    expect(html).toMatch(/<text[^>]*>25%<\/text>/);
    expect(html).toMatch(/<text[^>]*>100%<\/text>/);
  });
  it('writes its title once and puts the same numbers in a table labelled by it', () => {
    expect(count(html, /Theo hạng sao/g)).toBe(1);
    const captionId = /<figcaption id="([^"]+)">/.exec(html)?.[1];
    expect(html).toContain(`<table class="data" aria-labelledby="${captionId}">`);
    expect(html).toContain('<th scope="col">Hạng sao</th><th scope="col">%</th>');
    expect(tableRows(html)).toEqual([
      ['3 ★ (1/4)', '25%'],
      ['4 ★ (3/4)', '75%'],
      ['5 ★ (1/1)', '100%'],
    ]);
  });
  it('escapes labels instead of injecting markup', () => {
    const evil = bar({
      title: '<b>t</b>',
      valueHeader: 'n',
      bars: [{ label: '<script>alert(1)</script> & "x"', value: 3 }],
    });
    expect(evil).not.toContain('<script>');
    expect(evil).not.toContain('<b>');
    expect(evil).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(evil).toContain('&lt;b&gt;t&lt;/b&gt;');
  });
  it('cuts long labels in the SVG only, and survives zero, negative and missing values', () => {
    const long = 'Lưu niệm – nội thất – trang trí, Hợp tác xã Dệt thổ cẩm Thanh Nưa (2/3)';
    const odd = bar({
      title: 'T',
      valueHeader: 'n',
      bars: [
        { label: long, value: 0 },
        { label: 'âm', value: -5 },
        { label: 'NaN', value: Number.NaN },
      ],
    });
    expect(odd).toContain(`>${shortLabel(long, 50)}</text>`);
    expect(tableRows(odd)).toEqual([
      [long, '0'],
      ['âm', '-5'],
      ['NaN', '—'],
    ]);
    expect([...odd.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => m[1])).toEqual([
      '1',
      '1',
      '1',
    ]);
  });
  it('has whole labels on a line of their own above the bar, so long payment labels are not cut', () => {
    const label = 'VietQR (chuyển khoản) (128 đơn, 12.345.000 ₫)';
    const html = bar({ title: 'T', valueHeader: '%', bars: [{ label, value: 60, unit: '%' }] });
    expect(html).toContain(`<text x="0" y="13" font-size="13" fill="#1f2a22">${label}</text>`);
  });
  it('says there is no data, and what to do, instead of drawing an empty chart', () => {
    const empty = bar({ title: 'Trống', valueHeader: 'n', bars: [] });
    expect(empty).toContain(`<p class="chart-empty">${EMPTY}</p>`);
    expect(empty).not.toContain('<svg');
    expect(empty).not.toContain('<table');
    expect(bar({ title: 'T', valueHeader: 'n', bars: [{ label: 'a', value: 0 }] })).not.toContain(
      'chart-empty',
    );
  });
  it('gives two charts on one page different ids', () => {
    const page = renderToStaticMarkup(
      createElement(
        'div',
        null,
        createElement(BarChart, {
          title: 'A',
          valueHeader: 'n',
          labelHeader: 'x',
          empty: '-',
          bars: [],
        }),
        createElement(BarChart, {
          title: 'B',
          valueHeader: 'n',
          labelHeader: 'x',
          empty: '-',
          bars: [],
        }),
      ),
    );
    const ids = [...page.matchAll(/<figcaption id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('LineChart', () => {
  const points = [
    { label: '2026-09', value: 33.3 },
    { label: '2026-10', value: 33.3 },
    { label: '2026-11', value: 55.6 },
  ];
  const html = line({
    title: 'Diễn biến theo tháng',
    points,
    unit: '%',
    max: 100,
    target: 100,
    targetLabel: 'Mục tiêu 100%',
    valueHeader: 'Tỷ lệ',
    labelHeader: 'Tháng',
    description: 'Tỷ lệ cuối mỗi tháng',
  });

  it('plots one labelled point per month with a line through them', () => {
    expect(count(html, /<circle /g)).toBe(3);
    expect(count(html, /<polyline /g)).toBe(1);
    expect(html).toMatch(/<text[^>]*>55.6%<\/text>/);
    expect(html).toMatch(/<text[^>]*>2026-10<\/text>/);
  });
  it('draws the target as a labelled dashed line', () => {
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain('>Mục tiêu 100%</text>');
  });
  it('is labelled by its caption and description and has the numbers in a table', () => {
    const [, titleId, descId] = /<figcaption id="([^"]+)">.*?<p id="([^"]+)"/.exec(html) ?? [];
    expect(html).toContain(`aria-labelledby="${titleId} ${descId}"`);
    expect(tableRows(html)).toEqual([
      ['2026-09', '33.3%'],
      ['2026-10', '33.3%'],
      ['2026-11', '55.6%'],
    ]);
  });
  it('handles a single point and no points', () => {
    const one = line({ title: 'T', points: [{ label: '2026-11', value: 20 }], valueHeader: 'n' });
    expect(count(one, /<circle /g)).toBe(1);
    expect(count(one, /<polyline /g)).toBe(0);
    const none = line({ title: 'T', points: [], valueHeader: 'n' });
    expect(count(none, /<circle /g)).toBe(0);
    expect(none).toContain(`<p class="chart-empty">${EMPTY}</p>`);
  });
});

describe('chart helpers', () => {
  it('formats values with their unit and hides non-numbers', () => {
    expect(formatChartValue(55.6, '%')).toBe('55.6%');
    expect(formatChartValue(Number.POSITIVE_INFINITY)).toBe('—');
    expect(shortLabel('ngắn')).toBe('ngắn');
    expect(shortLabel('a'.repeat(40), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('drill-down links in the chart tables', () => {
  it('links a row label to the rows behind it when the bar or point has an href, and escapes it', () => {
    const html = bar({
      title: 'T',
      valueHeader: '%',
      bars: [
        {
          label: 'Đồ uống (1/2)',
          value: 50,
          unit: '%',
          href: '/so-cong-thuong/chi-tiet?tinh=12&figure=valid&group=beverage',
        },
        { label: 'Khác', value: 10 },
      ],
    });
    expect(tableRows(html)).toEqual([
      [
        '<a href="/so-cong-thuong/chi-tiet?tinh=12&amp;figure=valid&amp;group=beverage">Đồ uống (1/2)</a>',
        '50%',
      ],
      ['Khác', '10'],
    ]);
    const trend = line({
      title: 'T',
      valueHeader: '%',
      unit: '%',
      points: [{ label: '2026-10', value: 20, href: '/x?month=2026-10' }],
    });
    expect(tableRows(trend)).toEqual([['<a href="/x?month=2026-10">2026-10</a>', '20%']]);
  });
});

describe('money in a bar chart', () => {
  it('writes each value with the money formatter and leaves room for it after the longest bar', () => {
    const html = bar({
      title: 'Tiền hàng',
      valueHeader: 'Tiền hàng',
      bars: [
        { label: '2026-10', value: 1_313_400_000, display: '1.313.400.000 ₫' },
        { label: '2026-11', value: 120_000, display: '120.000 ₫' },
      ],
    });
    expect(tableRows(html).map((r) => r[1])).toEqual(['1.313.400.000 ₫', '120.000 ₫']);
    expect(html).toContain('>1.313.400.000 ₫</text>');
    const longest = Number(/<rect x="0" y="19" width="(\d+)"/.exec(html)![1]);
    expect(longest + 6 + '1.313.400.000 ₫'.length * 7.5).toBeLessThanOrEqual(360);
  });
});
