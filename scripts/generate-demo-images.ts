import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { matchGroup } from '~/catalogue';

// npx tsx scripts/generate-demo-images.ts — writes one flat SVG illustration per demo product into
// seeds/images/, and one per image named in seeds/example-import.csv into seeds/example-images/.
// Deterministic: the palette follows the OCOP group, the motif the category (refined by a few name
// words), and placement, tilt, background and scenery vary with a hash of the slug. No text, no
// scripts, no external references, so the seed can render them with sharp on any machine.

export interface IllustrationSubject {
  slug: string;
  name?: string;
  group: string;
  category: string;
}
type Colors = { a: string; b: string; c: string };
type Motif = (k: Colors, h: number) => string;

type Palette = { bg: string[]; a: string; b: string; c: string };
const PALETTES: Record<string, Palette> = {
  food: { bg: ['#f6e7c8', '#f3dcc0', '#efe6cf'], a: '#c8702f', b: '#6d8f3a', c: '#e9b44c' },
  beverage: { bg: ['#e1efdc', '#d9eadf', '#e8f0d5'], a: '#3f7d4e', b: '#9cc46a', c: '#b5523b' },
  herbal: { bg: ['#e8efd8', '#f1ecd2', '#e0ebdd'], a: '#58802b', b: '#c9a227', c: '#a8432f' },
  textile: { bg: ['#f4dfe4', '#ece0ef', '#f6e4d8'], a: '#b0303f', b: '#2d4a8a', c: '#e8b33c' },
  souvenir: { bg: ['#f0e4d4', '#eadfce', '#f3e9da'], a: '#8a5a2b', b: '#d9a441', c: '#4f7a5a' },
  tourism: { bg: ['#dcecf5', '#e2eef0', '#d8e8f4'], a: '#3b7bb5', b: '#6fa35a', c: '#c2553a' },
};

const leaf = (x: number, y: number, len: number, deg: number, fill: string, vein: string) =>
  `<g transform="translate(${x} ${y}) rotate(${deg})"><path d="M0 0C${len * 0.42} ${-len * 0.3} ${len * 0.38} ${-len * 0.78} 0 ${-len}C${-len * 0.38} ${-len * 0.78} ${-len * 0.42} ${-len * 0.3} 0 0z" fill="${fill}"/><path d="M0 0V${-len * 0.88}" stroke="${vein}" stroke-width="6" fill="none"/></g>`;
const diamonds = (x: number, y: number, count: number, size: number, fill: string) =>
  Array.from(
    { length: count },
    (_, i) =>
      `<path d="M${x + i * size * 2} ${y}l${size} ${-size} ${size} ${size} ${-size} ${size}z" fill="${fill}"/>`,
  ).join('');
const grains = (cx: number, cy: number, n: number, fill: string, h: number) =>
  Array.from({ length: n }, (_, i) => {
    const x = cx + ((i * 53 + h) % 150) - 75,
      y = cy + ((i * 37 + (h >> 4)) % 50) - 25;
    return `<ellipse cx="${x}" cy="${y}" rx="9" ry="15" transform="rotate(${(i * 47) % 180} ${x} ${y})" fill="${fill}"/>`;
  }).join('');
const cup = (x: number, y: number, k: Colors) =>
  `<path d="M${x - 80} ${y}h160c0 70-35 105-80 105s-80-35-80-105z" fill="#fff"/><path d="M${x + 78} ${y + 20}c40 0 40 50 0 50" stroke="#fff" stroke-width="14" fill="none"/><ellipse cx="${x}" cy="${y}" rx="70" ry="12" fill="${k.c}" opacity=".8"/><ellipse cx="${x}" cy="${y + 112}" rx="115" ry="16" fill="${k.a}" opacity=".3"/>`;
const jar = (k: Colors, fill: string) =>
  `<rect x="280" y="300" width="240" height="290" rx="60" fill="${fill}"/><rect x="300" y="255" width="200" height="60" rx="16" fill="${k.a}"/><rect x="280" y="400" width="240" height="90" fill="#fff" opacity=".75"/><path d="M330 330c0 30 14 40 14 60" stroke="#fff" stroke-width="12" opacity=".5" fill="none"/>`;

const tea: Motif = (k) =>
  cup(400, 500, k) +
  leaf(360, 420, 210, -28, k.a, k.b) +
  leaf(440, 425, 190, 24, k.b, k.a) +
  leaf(400, 410, 150, 0, k.a, k.b);
const herbalTea: Motif = (k) =>
  cup(400, 500, k) +
  leaf(330, 430, 150, -40, k.a, k.b) +
  `<circle cx="470" cy="340" r="52" fill="${k.b}"/><circle cx="470" cy="340" r="20" fill="${k.c}"/>` +
  leaf(430, 430, 120, 30, k.a, k.b);
const honey: Motif = (k) =>
  Array.from(
    { length: 6 },
    (_, i) =>
      `<path d="M${190 + (i % 3) * 70} ${210 + Math.floor(i / 3) * 60 + (i % 2) * 30}l30-17 30 17v35l-30 17-30-17z" fill="${k.c}" opacity=".45"/>`,
  ).join('') +
  jar(k, '#e0a02a') +
  `<path d="M300 300c0 40 20 40 20 70s20 30 20 0 20-40 20-70z" fill="#f3c14b"/><ellipse cx="560" cy="250" rx="28" ry="20" fill="#f3c14b"/><path d="M548 235v30M562 233v34" stroke="#3a2a12" stroke-width="7"/><ellipse cx="552" cy="222" rx="18" ry="11" fill="#fff" opacity=".8"/>`;
const noodles: Motif = (k) =>
  `<path d="M330 240l180 220M390 230l140 220" stroke="${k.a}" stroke-width="14" stroke-linecap="round"/>` +
  Array.from(
    { length: 5 },
    (_, i) =>
      `<path d="M${270 + i * 55} 440c10-50-20-70 0-110" stroke="#fbf3e0" stroke-width="12" fill="none" stroke-linecap="round"/>`,
  ).join('') +
  `<path d="M200 440h400c0 140-90 200-200 200s-200-60-200-200z" fill="${k.b}"/><path d="M230 500h340" stroke="#fff" stroke-width="10" opacity=".5"/>`;
const grainSack: Motif = (k, h) =>
  `<path d="M270 320l40-60h180l40 60-20 300H290z" fill="#d9c49a"/><path d="M310 300h180" stroke="${k.a}" stroke-width="16" stroke-linecap="round"/><ellipse cx="400" cy="330" rx="110" ry="28" fill="#fbf5e6"/>` +
  grains(400, 650, 22, '#fbf5e6', h) +
  `<rect x="320" y="420" width="160" height="90" rx="14" fill="${k.b}" opacity=".8"/><path d="M560 660c0-120 30-230 90-330" stroke="#a07a2a" stroke-width="8" fill="none"/>` +
  Array.from({ length: 8 }, (_, i) => {
    const x = 566 + i * 10 + (i % 2 ? 16 : -16),
      y = 560 - i * 32;
    return `<ellipse cx="${x}" cy="${y}" rx="11" ry="22" transform="rotate(${i % 2 ? 35 : -15} ${x} ${y})" fill="${k.c}"/>`;
  }).join('');
const nuts: Motif = (k, h) =>
  Array.from({ length: 7 }, (_, i) => {
    const x = 260 + ((i * 97 + h) % 280),
      y = 330 + ((i * 61 + (h >> 3)) % 230);
    return `<circle cx="${x}" cy="${y}" r="58" fill="${i % 2 ? '#a0652d' : '#c08a4b'}"/><path d="M${x - 30} ${y - 25}c20 10 40 30 45 60" stroke="#f3e2c3" stroke-width="8" fill="none"/>`;
  }).join('') + leaf(560, 300, 160, 40, k.b, k.c);
const bottle: Motif = (k) =>
  `<path d="M360 190h80v120c55 25 75 70 75 130v190H285V440c0-60 20-105 75-130z" fill="${k.a}"/><rect x="352" y="165" width="96" height="40" rx="8" fill="${k.c}"/><rect x="300" y="470" width="200" height="110" rx="10" fill="#fff" opacity=".8"/><path d="M330 525h140" stroke="${k.c}" stroke-width="14"/>` +
  `<path d="M540 520h90l-12 100h-66z" fill="#fff" opacity=".85"/><path d="M548 550h74" stroke="${k.a}" stroke-width="10"/>`;
const coffee: Motif = (k) =>
  cup(330, 500, k) +
  Array.from(
    { length: 4 },
    (_, i) =>
      `<g transform="translate(${520 + (i % 2) * 70} ${330 + i * 70}) rotate(${i * 35})"><ellipse rx="38" ry="52" fill="#6b3e1f"/><path d="M0 -45c-16 30 16 60 0 90" stroke="#3b2010" stroke-width="8" fill="none"/></g>`,
  ).join('');
const cloth: Motif = (k) =>
  `<rect x="210" y="200" width="380" height="420" rx="10" fill="${k.b}"/>` +
  [250, 330, 410, 490, 570]
    .map(
      (y, i) =>
        `<rect x="210" y="${y - 22}" width="380" height="44" fill="${i % 2 ? k.a : '#1d2a4a'}"/>` +
        diamonds(228, y, 9, 19, i % 2 ? k.c : '#f4efe6'),
    )
    .join('') +
  Array.from(
    { length: 12 },
    (_, i) => `<path d="M${225 + i * 32} 620v45" stroke="${k.a}" stroke-width="8"/>`,
  ).join('');
const garment: Motif = (k) =>
  `<path d="M300 220l-90 60 40 90 50-30v210h200V340l50 30 40-90-90-60c-20 40-80 40-100 0z" fill="#1d2a4a"/><path d="M400 250v300" stroke="${k.c}" stroke-width="10"/>` +
  diamonds(260, 600, 7, 20, k.a) +
  `<path d="M250 560h300l30 90H220z" fill="${k.a}" opacity=".25"/>`;
const basket: Motif = (k) =>
  `<path d="M250 320c0-140 300-140 300 0" stroke="${k.a}" stroke-width="22" fill="none"/><path d="M200 330h400l-50 290H250z" fill="${k.b}"/>` +
  Array.from(
    { length: 6 },
    (_, i) =>
      `<path d="M${225 + i * 7} ${375 + i * 45}h${350 - i * 14}" stroke="${k.a}" stroke-width="14"/>`,
  ).join('') +
  Array.from(
    { length: 7 },
    (_, i) =>
      `<path d="M${260 + i * 47} 335l${(i - 3) * -6} 280" stroke="${k.a}" stroke-width="8" opacity=".6"/>`,
  ).join('');
const frame: Motif = (k) =>
  `<rect x="200" y="230" width="400" height="340" rx="14" fill="${k.a}"/><rect x="230" y="260" width="340" height="280" fill="#f7efe2"/>` +
  [300, 400, 500].map((y, i) => diamonds(250, y, 8, 20, i === 1 ? k.c : '#b0303f')).join('') +
  `<path d="M250 350h300M250 450h300" stroke="#2d4a8a" stroke-width="12"/>`;
const giftBox: Motif = (k) =>
  `<rect x="240" y="340" width="320" height="260" rx="12" fill="${k.a}"/><rect x="220" y="300" width="360" height="70" rx="10" fill="${k.c}"/><path d="M400 300v300" stroke="${k.b}" stroke-width="34"/><path d="M400 300c-80-90-150-20-60 0M400 300c80-90 150-20 60 0" stroke="${k.b}" stroke-width="22" fill="none"/>`;
const stiltHouse: Motif = (k) =>
  `<path d="M0 640c150-50 260-40 400-10s260 20 400-20V800H0z" fill="${k.b}"/><path d="M190 380l210-150 210 150z" fill="#8a5a2b"/><rect x="230" y="380" width="340" height="130" fill="#d9a86a"/>` +
  [260, 330, 470, 540]
    .map((x) => `<path d="M${x} 510v120" stroke="#8a5a2b" stroke-width="16"/>`)
    .join('') +
  `<rect x="280" y="410" width="60" height="55" fill="${k.a}"/><rect x="460" y="410" width="60" height="55" fill="${k.a}"/><path d="M380 510l-30 120" stroke="#8a5a2b" stroke-width="10"/>`;
const terraces: Motif = (k) =>
  `<path d="M80 560l220-300 140 180 90-110 190 230z" fill="${k.a}" opacity=".7"/>` +
  Array.from(
    { length: 5 },
    (_, i) =>
      `<path d="M0 ${560 + i * 50}c200-${40 - i * 4} 500-${50 - i * 6} 800 ${-20 + i * 8}V${620 + i * 50}C500 ${570 + i * 50} 200 ${590 + i * 50} 0 ${610 + i * 50}z" fill="${i % 2 ? k.b : '#e9c46a'}"/>`,
  ).join('') +
  `<path d="M540 560V400" stroke="#5a3a1a" stroke-width="8"/><path d="M540 400l70 25-70 25z" fill="${k.c}"/>`;
const smoked: Motif = () =>
  `<path d="M180 250h440" stroke="#6b4a2a" stroke-width="18" stroke-linecap="round"/>` +
  [260, 350, 440, 530]
    .map(
      (x, i) =>
        `<path d="M${x} 250v30" stroke="#e9d9b8" stroke-width="6"/><rect x="${x - 30}" y="280" width="60" height="${220 + (i % 2) * 60}" rx="26" fill="${i % 2 ? '#8d3b25' : '#a5482d'}"/><path d="M${x - 16} 320v${150 + (i % 2) * 50}" stroke="#fff" stroke-width="6" opacity=".3"/>`,
    )
    .join('') +
  `<path d="M300 640c-30-40 30-60 0-100M420 650c-30-40 30-60 0-100M540 640c-30-40 30-60 0-100" stroke="#9a9a9a" stroke-width="12" fill="none" opacity=".5"/>`;
const fish: Motif = (k) =>
  `<path d="M170 420h470" stroke="#b58b4c" stroke-width="14" stroke-linecap="round"/>` +
  [300, 490]
    .map(
      (x) =>
        `<path d="M${x - 110} 420c50-70 170-70 200 0-30 70-150 70-200 0z" fill="${k.a}"/><path d="M${x + 85} 420l60-45v90z" fill="${k.a}"/><circle cx="${x - 65}" cy="405" r="10" fill="#2a1a0a"/><path d="M${x - 20} 380c20 25 20 55 0 80" stroke="#7a3a12" stroke-width="8" fill="none"/>`,
    )
    .join('');
const fruit: Motif = (k, h) => {
  const tones = ['#7b3f8c', '#e07b2e', '#b9c84a', '#c0392b'];
  const tone = tones[h % tones.length];
  return (
    `<circle cx="330" cy="460" r="120" fill="${tone}"/><circle cx="490" cy="470" r="100" fill="${tone}" opacity=".85"/><circle cx="300" cy="420" r="30" fill="#fff" opacity=".3"/>` +
    `<path d="M470 370c0-40 15-70 45-90" stroke="#5a3a1a" stroke-width="12" fill="none"/>` +
    leaf(515, 285, 120, 60, k.b, k.c)
  );
};
const sweets: Motif = (k, h) =>
  `<rect x="230" y="360" width="340" height="220" rx="30" fill="${k.c}"/><rect x="210" y="330" width="380" height="60" rx="20" fill="${k.a}"/>` +
  fruit(k, h).replace(
    /<circle cx="(\d+)" cy="(\d+)" r="(\d+)"/g,
    (_m, x, y, r) => `<circle cx="${x}" cy="${Number(y) - 20}" r="${Math.round(Number(r) * 0.45)}"`,
  );
const wrappedCake: Motif = (k) =>
  `<rect x="250" y="270" width="300" height="300" rx="24" fill="${k.b}"/><path d="M250 350h300M250 490h300M330 270v300M470 270v300" stroke="#e8dcb8" stroke-width="12"/><path d="M270 290l260 260" stroke="#fff" stroke-width="6" opacity=".3"/>` +
  leaf(560, 600, 160, 60, k.b, '#3f5a22');
const mushrooms: Motif = () =>
  (
    [
      [320, 470, 1],
      [480, 430, 1.2],
      [410, 560, 0.8],
    ] as Array<[number, number, number]>
  )
    .map(
      ([x, y, s]) =>
        `<rect x="${x - 26 * s}" y="${y - 10}" width="${52 * s}" height="${120 * s}" rx="18" fill="#fbf3e2" stroke="#b8946a" stroke-width="5"/><path d="M${x - 110 * s} ${y + 10}c0-${130 * s} ${220 * s}-${130 * s} ${220 * s} 0z" fill="#7a4a26"/><circle cx="${x - 30 * s}" cy="${y - 40 * s}" r="${12 * s}" fill="#f1e3c6" opacity=".7"/>`,
    )
    .join('');
const shoots: Motif = (k) =>
  (
    [
      [320, 1],
      [450, 1.25],
      [560, 0.85],
    ] as Array<[number, number]>
  )
    .map(
      ([x, s]) =>
        `<path d="M${x} ${620 - 330 * s}l${70 * s} ${330 * s}h${-140 * s}z" fill="${k.c}"/><path d="M${x - 50 * s} ${520}l${100 * s} -30M${x - 30 * s} ${620 - 190 * s}l${60 * s} -20" stroke="${k.b}" stroke-width="12"/>`,
    )
    .join('');
const ginseng: Motif = (k) =>
  `<path d="M400 360c-40 60-50 140-30 200l-40 80M380 520l60 110M395 470l-70 60" stroke="#e3c9a0" stroke-width="34" stroke-linecap="round" fill="none"/>` +
  [-60, -25, 0, 25, 60].map((d) => leaf(400, 360, 150, d, k.a, k.b)).join('') +
  `<circle cx="400" cy="250" r="16" fill="${k.c}"/><circle cx="425" cy="262" r="14" fill="${k.c}"/><circle cx="382" cy="270" r="14" fill="${k.c}"/>`;
const herbBundle: Motif = (k) =>
  [-35, -18, 0, 18, 35]
    .map((d, i) => leaf(400, 600, 320 - i * 10, d, i % 2 ? k.a : k.b, '#3f5a22'))
    .join('') + `<rect x="360" y="520" width="80" height="40" rx="10" fill="${k.c}"/>`;
const oil: Motif = (k) =>
  `<rect x="320" y="330" width="160" height="260" rx="40" fill="#8a5a2b" opacity=".9"/><rect x="360" y="260" width="80" height="80" fill="#333"/><rect x="375" y="200" width="50" height="70" rx="25" fill="#333"/><rect x="320" y="430" width="160" height="70" fill="#fff" opacity=".8"/>` +
  leaf(530, 600, 220, 25, k.a, k.b);
const powder: Motif = (k) =>
  `<path d="M260 430c20-90 260-90 280 0z" fill="#fbf7ee"/><path d="M200 430h400c0 130-90 190-200 190s-200-60-200-190z" fill="${k.b}"/><path d="M520 380l120-120" stroke="${k.a}" stroke-width="20" stroke-linecap="round"/><ellipse cx="510" cy="390" rx="45" ry="25" fill="${k.a}"/>`;
const starAnise = (x: number, y: number, r: number, fill: string) =>
  `<g transform="translate(${x} ${y})">${Array.from({ length: 8 }, (_, i) => `<ellipse cx="0" cy="${-r / 2}" rx="${r / 4.5}" ry="${r / 2}" transform="rotate(${i * 45})" fill="${fill}"/>`).join('')}<circle r="${r / 6}" fill="#5a2a12"/></g>`;
const spice: Motif = (k) =>
  starAnise(320, 380, 170, '#8c3b1f') +
  `<g transform="rotate(-20 500 520)">${[0, 1, 2].map((i) => `<rect x="400" y="${470 + i * 40}" width="230" height="34" rx="17" fill="${i % 2 ? '#b0693a' : '#94532a'}"/>`).join('')}</g>` +
  `<ellipse cx="300" cy="590" rx="50" ry="32" fill="${k.a}"/><ellipse cx="370" cy="620" rx="46" ry="30" fill="#9b4a22"/>`;
const peppercorns: Motif = (k, h) =>
  `<path d="M400 200c-30 100 10 200-40 380" stroke="#5a3a1a" stroke-width="10" fill="none"/>` +
  Array.from(
    { length: 16 },
    (_, i) =>
      `<circle cx="${350 + ((i * 41 + h) % 120)}" cy="${300 + i * 18}" r="22" fill="${i % 3 ? '#3b2414' : k.a}"/>`,
  ).join('') +
  leaf(470, 300, 170, 50, k.b, k.c);
const box: Motif = (k) =>
  `<rect x="260" y="280" width="280" height="320" rx="20" fill="${k.a}"/><rect x="260" y="380" width="280" height="110" fill="#fff" opacity=".75"/>` +
  leaf(400, 470, 80, 0, k.b, k.c);

/** Broad categories ("Gia vị", "Hạt", "Đồ uống") hold different things: the name picks the picture. */
const BROAD_CATEGORY = /gia vị|hạt|đồ uống/i;
const NAME_RULES: Array<[RegExp, Motif]> = [
  [/sữa/i, bottle],
  [/quế|hồi/i, spice],
  [/mắc khén|hạt dổi|tiêu/i, peppercorns],
  [/mắc ca|hạt điều|óc chó/i, nuts],
];
/** First matching category rule wins. */
const RULES: Array<[RegExp, Motif]> = [
  [/cà phê/i, coffee],
  [/trà thảo mộc|trà hoa/i, herbalTea],
  [/chè|trà/i, tea],
  [/mật ong/i, honey],
  [/miến|phở|bún/i, noodles],
  [/bột|tinh bột/i, powder],
  [/gạo|đậu|ngũ cốc/i, grainSack],
  [/hạt/i, nuts],
  [/rượu|đồ uống|nước/i, bottle],
  [/thổ cẩm|vải|khăn/i, cloth],
  [/trang phục|váy|áo/i, garment],
  [/lưu trú|homestay/i, stiltHouse],
  [/tour|trải nghiệm/i, terraces],
  [/thịt|lạp|gác bếp/i, smoked],
  [/thủy sản|thuỷ sản|cá/i, fish],
  [/mứt|bánh kẹo|ô mai/i, sweets],
  [/bánh/i, wrappedCake],
  [/trái cây|quả/i, fruit],
  [/nấm/i, mushrooms],
  [/măng|rau/i, shoots],
  [/sâm|dược liệu/i, ginseng],
  [/tinh dầu/i, oil],
  [/thảo dược/i, herbBundle],
  [/gia vị|tương|ớt/i, spice],
  [/thủ công|mây|tre|đan/i, basket],
  [/trang trí|tranh/i, frame],
  [/quà/i, giftBox],
];

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

function motifFor(subject: IllustrationSubject): Motif {
  if (subject.name && BROAD_CATEGORY.test(subject.category)) {
    const byName = NAME_RULES.find(([pattern]) => pattern.test(subject.name!));
    if (byName) return byName[1];
  }
  return RULES.find(([pattern]) => pattern.test(subject.category))?.[1] ?? box;
}

export function illustrate(subject: IllustrationSubject): string {
  const palette = PALETTES[subject.group] ?? (PALETTES.food as Palette);
  const h = hash(subject.slug);
  const k: Colors = { a: palette.a, b: palette.b, c: palette.c };
  const bg = palette.bg[h % palette.bg.length] ?? '#ffffff';
  const ridge = (y: number, amp: number, fill: string, op: string) =>
    `<path d="M0 ${y}l${120 + (h % 80)} ${-amp}l${140 + ((h >> 5) % 60)} ${amp * 0.6}l${150 + ((h >> 9) % 60)} ${-amp * 0.9}L800 ${y - 20}V800H0z" fill="${fill}" opacity="${op}"/>`;
  const sun = `<circle cx="${130 + (h % 540)}" cy="${110 + ((h >> 11) % 50)}" r="${38 + ((h >> 3) % 22)}" fill="#fff" opacity=".6"/>`;
  const dx = ((h >> 13) % 41) - 20,
    tilt = ((h >> 17) % 11) - 5;
  const body = `<g transform="translate(${dx} 0) rotate(${tilt} 400 430)">${motifFor(subject)(k, h)}</g>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800"><rect width="800" height="800" fill="${bg}"/>${sun}${ridge(560, 180, k.b, '.18')}${ridge(640, 110, k.a, '.14')}<circle cx="400" cy="440" r="280" fill="#fff" opacity=".35"/>${body}</svg>\n`;
  return svg.replace(/(\d+\.\d{2})\d+/g, '$1');
}

function writeAll(root: string) {
  const products = JSON.parse(
    fs.readFileSync(path.join(root, 'seeds/demo/products.json'), 'utf8'),
  ) as Array<IllustrationSubject & { image: string }>;
  fs.mkdirSync(path.join(root, 'seeds/images'), { recursive: true });
  for (const p of products)
    fs.writeFileSync(path.join(root, 'seeds/images', p.image), illustrate(p));
  // The example CSV names its images relative to itself (example-images/<name>.svg).
  const rows = parse(fs.readFileSync(path.join(root, 'seeds/example-import.csv'), 'utf8'), {
    columns: true,
    bom: true,
  }) as Array<{ image?: string; group?: string; name?: string; category?: string }>;
  for (const r of rows) {
    if (!r.image) continue;
    const group = matchGroup(r.group ?? '') ?? 'food';
    const file = path.join(root, 'seeds', r.image);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      illustrate({
        slug: path.basename(r.image, '.svg'),
        name: r.name,
        group,
        category: r.category ?? '',
      }),
    );
  }
  console.log(
    `wrote ${products.length} illustrations to seeds/images/ and ${rows.filter((r) => r.image).length} to seeds/example-images/`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  writeAll(path.resolve(import.meta.dirname, '..'));
