import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import {
  LABEL_LAYOUTS,
  labelCellMm,
  labelsPerPage,
  type LabelLayout,
  type LabelLayoutId,
} from './label-layouts';

export interface StampLabel {
  url: string;
  productName: string;
  lot: string;
  serial: string;
}

export interface StreamLabelsOptions {
  layout: LabelLayoutId;
  labels: AsyncIterable<StampLabel> | Iterable<StampLabel>;
  out: Writable;
  /** TTF with Vietnamese glyphs; defaults to the first of LABEL_FONT_CANDIDATES that exists. */
  fontPath?: string;
  boldFontPath?: string;
  title?: string;
}

export const LABEL_TAGLINE = 'Quét để truy xuất nguồn gốc';

/** Debian's fonts-noto-core and fonts-dejavu-core; both cover every Vietnamese letter. */
export const LABEL_FONT_CANDIDATES = {
  regular: [
    '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  ],
  bold: [
    '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  ],
};

const PT_PER_MM = 72 / 25.4;
const pt = (mm: number) => mm * PT_PER_MM;
/** QR quiet zone required by ISO/IEC 18004: four modules of white on every side. */
const QUIET_MODULES = 4;

export function findLabelFont(kind: 'regular' | 'bold'): string {
  const found = LABEL_FONT_CANDIDATES[kind].find((file) => fs.existsSync(file));
  if (!found) {
    throw new Error(
      `No font with Vietnamese glyphs for stamp labels (looked for ${LABEL_FONT_CANDIDATES[kind].join(', ')}). ` +
        'Install the Debian package fonts-noto-core or fonts-dejavu-core.',
    );
  }
  return found;
}

/**
 * Writes a PDF of stamp labels to `out`, one page at a time: a page is finished and handed to the
 * stream before the next is drawn, and drawing waits while `out` is full, so 100,000 labels never sit in
 * memory. Resolves once `out` has received everything. No labels gives one blank page (a valid PDF).
 */
export async function streamLabelsPdf(
  options: StreamLabelsOptions,
): Promise<{ labels: number; pages: number }> {
  const layout = LABEL_LAYOUTS[options.layout];
  if (!layout) throw new RangeError(`unknown label layout: ${options.layout}`);
  const { out } = options;
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    size: [pt(layout.pageWidthMm), pt(layout.pageHeightMm)],
    info: { Title: options.title ?? 'Tem truy xuất nguồn gốc', Creator: 'Chợ Phiên' },
    // pdfkit caches the layout of every distinct string forever; with a new serial on every label that
    // cache would grow with the print run, so it is off.
    fontLayoutCache: false,
  });
  doc.registerFont('label', options.fontPath ?? findLabelFont('regular'));
  doc.registerFont('label-bold', options.boldFontPath ?? options.fontPath ?? findLabelFont('bold'));

  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    doc.once('error', reject);
  });
  doc.pipe(out);

  const perPage = labelsPerPage(layout);
  let count = 0;
  let pages = 0;
  for await (const label of options.labels) {
    if (count % perPage === 0) {
      if (pages > 0) await waitForRoom(out);
      doc.addPage();
      pages++;
    }
    drawLabel(doc, layout, count % perPage, label);
    count++;
  }
  if (pages === 0) {
    doc.addPage();
    pages = 1;
  }
  doc.end();
  await finished;
  return { labels: count, pages };
}

/** Lets the piped data flow out, and waits while the destination signals it is full. */
async function waitForRoom(out: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
}

function drawLabel(
  doc: PDFKit.PDFDocument,
  layout: LabelLayout,
  indexOnPage: number,
  label: StampLabel,
): void {
  const cell = labelCellMm(layout, indexOnPage);
  const qr = QRCode.create(label.url, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const moduleMm = layout.qrMm / modules;
  const quietMm = QUIET_MODULES * moduleMm;
  const qrX = cell.x + Math.max(quietMm, 1);
  const qrY = cell.y + (cell.height - layout.qrMm) / 2;
  drawQr(doc, qr.modules, pt(qrX), pt(qrY), pt(moduleMm));

  const padding = 1.2;
  const textX = qrX + layout.qrMm + Math.max(quietMm, 1.2);
  const textWidth = pt(cell.x + cell.width - padding - textX);
  const top = pt(cell.y + padding);
  const bottom = pt(cell.y + cell.height - padding);
  const { name, meta, tagline } = layout.fontPt;

  doc.fillColor('#000');
  doc.font('label').fontSize(tagline);
  const taglineHeight = doc.heightOfString(LABEL_TAGLINE, { width: textWidth });
  doc.text(LABEL_TAGLINE, pt(textX), bottom - taglineHeight, { width: textWidth, lineGap: 0 });

  doc.fontSize(meta);
  const metaLine = doc.currentLineHeight(true);
  const serialY = bottom - taglineHeight - metaLine - pt(0.4);
  const lotY = serialY - metaLine;
  doc.text(`Số: ${label.serial}`, pt(textX), serialY, {
    width: textWidth,
    lineBreak: false,
    ellipsis: true,
    height: metaLine,
  });
  doc.text(`Lô: ${label.lot}`, pt(textX), lotY, {
    width: textWidth,
    lineBreak: false,
    ellipsis: true,
    height: metaLine,
  });

  doc.font('label-bold').fontSize(name);
  doc.text(label.productName, pt(textX), top, {
    width: textWidth,
    height: Math.max(lotY - top - pt(0.3), 1),
    ellipsis: true,
    lineGap: 0,
  });
}

/** Draws the symbol as one vector path (runs of dark modules per row), crisp at any printer resolution. */
function drawQr(
  doc: PDFKit.PDFDocument,
  matrix: { size: number; data: Uint8Array },
  x: number,
  y: number,
  module: number,
) {
  const { size, data } = matrix;
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!data[row * size + column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && data[row * size + column]) column++;
      doc.rect(x + start * module, y + row * module, (column - start) * module, module);
    }
  }
  doc.fill('#000');
}
