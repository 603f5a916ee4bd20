import fs from 'node:fs';
import path from 'node:path';

// npx tsx scripts/generate-demo-images.ts — writes one flat SVG illustration per demo product into
// seeds/images/. Deterministic: the palette follows the product group, the motif the category, and
// small variations come from a hash of the slug. No text, no scripts, no external references.

interface Product { slug: string; group: string; category: string }

const PALETTES: Record<string, [string, string, string]> = {
  food: ['#f4e3c3', '#c8793a', '#6b8e3a'],
  beverage: ['#dfeede', '#3f7d4e', '#a4c96b'],
  herbal: ['#e7efd9', '#5b7f2a', '#c9a227'],
  textile: ['#f3dfe6', '#b0303f', '#2d4a8a'],
  souvenir: ['#efe4d6', '#8a5a2b', '#d9a441'],
  tourism: ['#dcecf5', '#3b7bb5', '#7fb069'],
};

const MOTIFS: Array<[RegExp, (a: string, b: string) => string]> = [
  [/chè|trà/i, (a, b) => `<path d="M400 180c120 60 170 200 90 330-40 60-120 80-180 40 20-140-10-250 90-370z" fill="${a}"/><path d="M400 560c-10-120 0-240 60-340" stroke="${b}" stroke-width="14" fill="none"/><path d="M300 260c-80 60-90 170-30 240 40-90 60-160 30-240z" fill="${b}"/>`],
  [/mật ong/i, (a, b) => `<rect x="270" y="300" width="260" height="300" rx="50" fill="${a}"/><rect x="300" y="250" width="200" height="60" rx="14" fill="${b}"/><path d="M330 420h140M330 480h140" stroke="${b}" stroke-width="18" stroke-linecap="round"/>`],
  [/miến|phở|bún|bột/i, (a, b) => `<path d="M210 400h380c0 130-80 210-190 210s-190-80-190-210z" fill="${a}"/><path d="M280 400c20-120 60-150 80-40M360 400c20-140 70-170 90-30M450 400c10-110 50-130 70-20" stroke="${b}" stroke-width="10" fill="none"/>`],
  [/gạo|đậu|hạt/i, (a, b) => Array.from({ length: 14 }, (_, i) => `<ellipse cx="${260 + (i % 5) * 70}" cy="${300 + Math.floor(i / 5) * 90}" rx="26" ry="42" transform="rotate(${(i * 37) % 60 - 30} ${260 + (i % 5) * 70} ${300 + Math.floor(i / 5) * 90})" fill="${i % 3 ? a : b}"/>`).join('')],
  [/rượu|cà phê|đồ uống/i, (a, b) => `<path d="M350 200h100v110c60 30 80 80 80 140v170H270V450c0-60 20-110 80-140z" fill="${a}"/><rect x="340" y="170" width="120" height="40" rx="8" fill="${b}"/><rect x="300" y="470" width="200" height="90" fill="${b}" opacity=".6"/>`],
  [/thổ cẩm|trang phục/i, (a, b) => Array.from({ length: 5 }, (_, i) => `<path d="M160 ${220 + i * 90}l80-40 80 40 80-40 80 40 80-40 80 40 80-40" stroke="${i % 2 ? a : b}" stroke-width="26" fill="none"/>`).join('')],
  [/lưu trú|tour/i, (a, b) => `<path d="M200 430l200-170 200 170z" fill="${b}"/><rect x="250" y="430" width="300" height="180" fill="${a}"/><rect x="370" y="500" width="60" height="110" fill="${b}"/><path d="M120 640c150-60 420-60 560 0" stroke="${a}" stroke-width="20" fill="none"/>`],
  [/thịt|thủy sản|lạp/i, (a, b) => `<rect x="220" y="330" width="360" height="150" rx="60" fill="${a}"/><path d="M240 360h320M240 410h320M240 450h320" stroke="${b}" stroke-width="10"/><path d="M180 300h440" stroke="${b}" stroke-width="16" stroke-linecap="round"/>`],
  [/trái cây|mứt|bánh kẹo/i, (a, b) => `<circle cx="330" cy="440" r="120" fill="${a}"/><circle cx="480" cy="420" r="100" fill="${b}"/><path d="M470 320c10-40 40-70 80-80" stroke="#4a6b2a" stroke-width="14" fill="none"/>`],
  [/măng|rau|nấm/i, (a, b) => `<path d="M400 190l90 400H310z" fill="${a}"/><path d="M330 480l140-40M345 400l110-30M360 320l80-22" stroke="${b}" stroke-width="12"/>`],
  [/gia vị|hồi|quế/i, (a, b) => Array.from({ length: 8 }, (_, i) => `<ellipse cx="400" cy="300" rx="40" ry="120" transform="rotate(${i * 45} 400 420)" fill="${i % 2 ? a : b}"/>`).join('')],
];

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

export function illustrate(product: Product): string {
  const [bg, a, b] = PALETTES[product.group] ?? PALETTES.food;
  const motif = MOTIFS.find(([pattern]) => pattern.test(product.category))?.[1] ?? ((x: string, y: string) => `<rect x="260" y="260" width="280" height="280" rx="40" fill="${x}"/><circle cx="400" cy="400" r="80" fill="${y}"/>`);
  const h = hash(product.slug);
  const hills = `<path d="M0 ${640 + (h % 40)}c160-${60 + (h % 50)} 320-${40 + ((h >> 5) % 60)} 480-10s240 ${30 + ((h >> 9) % 40)} 320 0V800H0z" fill="${b}" opacity=".25"/>`;
  const sun = `<circle cx="${140 + (h % 520)}" cy="${110 + ((h >> 11) % 60)}" r="${36 + ((h >> 3) % 24)}" fill="#fff" opacity=".55"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800"><rect width="800" height="800" fill="${bg}"/>${sun}${hills}<g transform="rotate(${(h % 13) - 6} 400 400)">${motif(a, b)}</g></svg>\n`;
}

const root = path.resolve(import.meta.dirname, '..');
const products = JSON.parse(fs.readFileSync(path.join(root, 'seeds/demo/products.json'), 'utf8')) as Product[];
fs.mkdirSync(path.join(root, 'seeds/images'), { recursive: true });
for (const product of products) fs.writeFileSync(path.join(root, 'seeds/images', `${product.slug}.svg`), illustrate(product));
console.log(`wrote ${products.length} illustrations to seeds/images/`);
