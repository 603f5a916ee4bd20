import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createStampKeyring, signStamp } from '~/traceability/authenticator.server';
import { buildStampUrl } from '~/traceability/digital-link';
import {
  LABEL_LAYOUTS,
  labelCellMm,
  labelsPerPage,
  type LabelLayoutId,
} from '~/traceability/label-layouts';
import { LABEL_TAGLINE, streamLabelsPdf, type StampLabel } from '~/traceability/labels-pdf.server';
import { serialToString } from '~/traceability/serials';
import { decodePdfQrCodes } from '../helpers/decode-pdf-qr';

const keyring = createStampKeyring('1', { '1': 'label-test-secret-at-least-32-bytes!!' });

function* stampLabels(count: number, withGtin: boolean): Generator<StampLabel> {
  for (let n = 1; n <= count; n++) {
    const serial = serialToString(n);
    const identity = withGtin
      ? { gtin: '08930000000019', lot: 'L2025/07', serial }
      : { batchId: 4711, serial };
    yield {
      url: buildStampUrl('https://chophien.vn', identity, signStamp(keyring, identity)),
      productName: 'Chè Shan Tuyết cổ thụ Suối Giàng',
      lot: 'L2025/07',
      serial,
    };
  }
}

async function renderToBuffer(
  layout: LabelLayoutId,
  labels: Iterable<StampLabel> | AsyncIterable<StampLabel>,
) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await streamLabelsPdf({ layout, labels, out });
  return { ...result, pdf: Buffer.concat(chunks) };
}

const pageCount = (pdf: Buffer) => {
  const file = path.join(os.tmpdir(), `labels-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  } finally {
    fs.rmSync(file);
  }
};

describe('label layouts', () => {
  it('fit their labels on the page and give every QR at least 15 mm', () => {
    for (const layout of Object.values(LABEL_LAYOUTS)) {
      const last = labelCellMm(layout, labelsPerPage(layout) - 1);
      expect(last.x + last.width).toBeLessThanOrEqual(layout.pageWidthMm + 1e-9);
      expect(last.y + last.height).toBeLessThanOrEqual(layout.pageHeightMm + 1e-9);
      expect(layout.qrMm).toBeGreaterThanOrEqual(15);
      expect(layout.qrMm).toBeLessThan(layout.labelHeightMm);
    }
    expect(labelsPerPage(LABEL_LAYOUTS['a4-65'])).toBe(65);
    expect(labelsPerPage(LABEL_LAYOUTS['a4-40'])).toBe(40);
    expect(() => labelCellMm(LABEL_LAYOUTS['a4-40'], 40)).toThrow();
  });
});

describe('streamLabelsPdf', () => {
  const cases: Array<[LabelLayoutId, number, boolean, number[]]> = [
    ['a4-65', 70, true, [65, 5]],
    ['a4-40', 45, false, [40, 5]],
    ['roll-50x30', 3, true, [1, 1, 1]],
  ];
  for (const [layout, count, withGtin, perPage] of cases) {
    it(`${layout}: ${count} labels, ${perPage.length} pages, every QR decodes to its own URL`, async () => {
      const expected = [...stampLabels(count, withGtin)].map((label) => label.url);
      const { pdf, labels, pages } = await renderToBuffer(layout, stampLabels(count, withGtin));
      expect({ labels, pages }).toEqual({ labels: count, pages: perPage.length });
      expect(pageCount(pdf)).toBe(perPage.length);
      const decoded = await decodePdfQrCodes(pdf, LABEL_LAYOUTS[layout]);
      expect(decoded.map((page) => page.length)).toEqual(perPage);
      expect(decoded.flat()).toEqual(expected);
    });
  }

  it('renders Vietnamese text (lot, serial, tagline) as real, extractable characters', async () => {
    const { pdf } = await renderToBuffer('roll-50x30', stampLabels(1, true));
    const file = path.join(os.tmpdir(), `labels-text-${process.pid}.pdf`);
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    fs.rmSync(file);
    expect(text).toContain('Chè Shan Tuyết cổ thụ Suối Giàng');
    expect(text).toContain(LABEL_TAGLINE);
    expect(text).toContain('Lô: L2025/07');
    expect(text).toContain('Số: 1');
  });

  it('accepts an async iterable and waits for a slow destination (backpressure)', async () => {
    async function* slowSource() {
      yield* stampLabels(130, true);
    }
    let bytes = 0;
    let writes = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        writes++;
        setTimeout(callback, 1);
      },
    });
    const result = await streamLabelsPdf({ layout: 'a4-65', labels: slowSource(), out: slow });
    expect(result).toEqual({ labels: 130, pages: 2 });
    expect(writes).toBeGreaterThan(1);
    expect(bytes).toBeGreaterThan(10_000);
  });

  it('writes one blank page for no labels and rejects unknown layouts', async () => {
    const { pdf, pages } = await renderToBuffer('a4-40', []);
    expect(pages).toBe(1);
    expect(pageCount(pdf)).toBe(1);
    await expect(
      streamLabelsPdf({ layout: 'a5-2' as LabelLayoutId, labels: [], out: new PassThrough() }),
    ).rejects.toThrow(/unknown label layout/);
  });
});
