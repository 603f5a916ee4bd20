import QRCode from 'qrcode';

/**
 * The VietQR payload drawn as an SVG (scales crisply on any phone, weighs a few kB on 3G).
 * Error correction M, as bank QR stickers use: survives a smudge, keeps the symbol small.
 */
export function vietQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
