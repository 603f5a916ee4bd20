import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A server-only helper that slips into a module the browser also loads crashes that page in the
// browser only (issue 17: `ReferenceError: Buffer is not defined` on /so-cong-thuong, from csv-parse
// in a shared chunk). The server render hides it, so the built client bundles are read here.
const CLIENT = path.resolve(import.meta.dirname, '../../build/client');

const NODE_GLOBALS: Array<[string, RegExp]> = [
  ['Buffer', /(?<![\w$.])Buffer(?![\w$])/],
  ['process.env', /(?<![\w$])process\.env\b/],
  ['process.cwd / argv / exit', /(?<![\w$.])process\.(cwd|argv|exit|platform)\b/],
  ['a node: module', /["'`]node:[a-z_/]+["'`]/],
  ['require()', /(?<![\w$.])require\(\s*["'`]/],
  ['__dirname / __filename', /(?<![\w$.])__(dirname|filename)(?![\w$])/],
  ['a server-only module', /\b(better-sqlite3|csv-parse|nodemailer|pdfkit|exceljs|sharp)\b/],
];

function clientScripts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientScripts(full);
    return /\.m?js$/.test(entry.name) ? [full] : [];
  });
}

describe('the client bundles', () => {
  it('exist (the build ran)', () => {
    expect(fs.existsSync(CLIENT), 'run `npm run build` first').toBe(true);
    expect(clientScripts(CLIENT).length).toBeGreaterThan(10);
  });

  it('reference no Node globals or server-only modules', () => {
    const found: string[] = [];
    for (const file of clientScripts(CLIENT)) {
      const code = fs.readFileSync(file, 'utf8');
      for (const [name, pattern] of NODE_GLOBALS) {
        const match = pattern.exec(code);
        if (!match) continue;
        const around = code.slice(Math.max(0, match.index - 40), match.index + 60);
        found.push(`${path.relative(CLIENT, file)}: ${name} in …${around}…`);
      }
    }
    expect(found).toEqual([]);
  });

  it('would catch the byte-order-mark helper that crashed the dashboard', () => {
    const pattern = (name: string) => NODE_GLOBALS.find(([n]) => n === name)![1];
    const buffer = pattern('Buffer');
    expect(buffer.test('const BOM=Buffer.from([239,187,191]);')).toBe(true);
    expect(buffer.test('typeof e.arrayBuffer=="function"')).toBe(false);
    expect(pattern('a node: module').test('import fs from "node:fs"')).toBe(true);
  });
});
