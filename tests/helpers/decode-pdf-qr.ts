import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { labelCellMm, labelsPerPage, type LabelLayout } from '~/traceability/label-layouts';

const run = promisify(execFile);
const DPI = 300;
const pxPerMm = DPI / 25.4;

/**
 * Renders every page of a label PDF with poppler's pdftoppm at 300 dpi and decodes the QR code of
 * each label cell with jsQR (which finds one code per image, hence the crop per cell). Returns, per
 * page, the decoded strings of the cells that hold a code, in label order.
 */
export async function decodePdfQrCodes(
  pdf: Buffer | string,
  layout: LabelLayout,
): Promise<string[][]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'labels-'));
  try {
    const pdfPath = typeof pdf === 'string' ? pdf : path.join(dir, 'labels.pdf');
    if (typeof pdf !== 'string') await fs.writeFile(pdfPath, pdf);
    await run('pdftoppm', ['-r', String(DPI), '-png', pdfPath, path.join(dir, 'page')]);
    const pageFiles = (await fs.readdir(dir))
      .filter((name) => /^page-\d+\.png$/.test(name))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    const pages: string[][] = [];
    for (const file of pageFiles) pages.push(await decodePage(path.join(dir, file), layout));
    return pages;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function decodePage(pngPath: string, layout: LabelLayout): Promise<string[]> {
  // Decode the page once, then copy each cell out of the RGBA buffer: far cheaper than one sharp call per cell.
  const { data, info } = await sharp(pngPath)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const found: string[] = [];
  for (let index = 0; index < labelsPerPage(layout); index++) {
    const cell = labelCellMm(layout, index);
    const left = Math.max(0, Math.floor(cell.x * pxPerMm));
    const top = Math.max(0, Math.floor(cell.y * pxPerMm));
    const width = Math.min(info.width - left, Math.ceil(cell.width * pxPerMm));
    const height = Math.min(info.height - top, Math.ceil(cell.height * pxPerMm));
    const pixels = new Uint8ClampedArray(width * height * 4);
    for (let row = 0; row < height; row++) {
      const from = ((top + row) * info.width + left) * 4;
      pixels.set(data.subarray(from, from + width * 4), row * width * 4);
    }
    const code = jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' });
    if (code) found.push(code.data);
  }
  return found;
}
