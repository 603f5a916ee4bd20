/**
 * CSV for Excel users: UTF-8 with a BOM (so Vietnamese shows right), RFC 4180 quoting, and cells that
 * start like a formula (= + - @) prefixed with an apostrophe so a spreadsheet never runs them.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const cell = (value: string | number | null) => {
    let text = value === null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
