import { fold, slugify } from '~/lib/text';

const PREFIXES = ['thanh pho', 'tinh', 'xa', 'phuong', 'thi tran', 'dac khu'];

/** Folded name without its administrative prefix: "Tỉnh Lào Cai" → "lao cai", "Xã Bát Xát" → "bat xat". */
export function placeKey(name: string): string {
  let key = fold(name).replace(/\s+/g, ' ').trim();
  for (const prefix of PREFIXES) {
    if (key.startsWith(`${prefix} `)) {
      key = key.slice(prefix.length + 1);
      break;
    }
  }
  return key;
}

/** Splits an official full name into its kind and short name. */
export function splitCommuneName(fullName: string): {
  kind: 'commune' | 'ward' | 'special_zone';
  name: string;
} {
  const [, prefix, name] = /^(Xã|Phường|Đặc khu|Thị trấn)\s+(.+)$/u.exec(fullName) ?? [];
  if (!prefix || !name) return { kind: 'commune', name: fullName };
  const kind = prefix === 'Phường' ? 'ward' : prefix === 'Đặc khu' ? 'special_zone' : 'commune';
  return { kind, name };
}

export function stripProvincePrefix(fullName: string): string {
  return fullName.replace(/^(Tỉnh|Thành phố)\s+/u, '');
}

/**
 * A commune's URL slug: its folded full name and official code (`xa-van-lang-02080`), unique even where
 * two communes of a province fold to the same letters. `legacyCommuneSlug` is the slug before the code.
 */
export function communeSlug(fullName: string, code: string): string {
  return `${legacyCommuneSlug(fullName)}-${code}`;
}

export function legacyCommuneSlug(fullName: string): string {
  return slugify(fullName);
}
