/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR): the
 * checksum EMVCo merchant-presented QR codes, and so VietQR, put in their last field (ID 63).
 * Computed over the UTF-8 bytes; VietQR payloads are ASCII, so bytes and characters coincide.
 */
export function crc16Ccitt(text: string): number {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/** The CRC as EMVCo writes it: four upper-case hex digits. */
export function crc16Hex(text: string): string {
  return crc16Ccitt(text).toString(16).toUpperCase().padStart(4, '0');
}
