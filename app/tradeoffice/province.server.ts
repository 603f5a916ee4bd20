import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { listProvinces } from '~/catalogue/index.server';
import { tradeofficeMessages as m } from '~/i18n/messages/tradeoffice';
import { notFound } from '~/lib/errors';

/** The province a trade office page is about: `?tinh=`, else the officer's first, else Lai Châu for an admin. */
export function officerProvince(
  actor: Pick<Actor, 'isAdmin' | 'officerProvinceCodes'>,
  requested: string | null,
): string {
  return requested ?? actor.officerProvinceCodes[0] ?? (actor.isAdmin ? '12' : '');
}

/** The province's code and name (through the catalogue's reference data); 404 for an unknown code. */
export async function provinceName(db: DB, provinceCode: string) {
  const province = (await listProvinces(db)).find((p) => p.code === provinceCode);
  if (!province) throw notFound(m.provinceUnknown);
  return { code: province.code, name: province.name };
}
