import type { DB } from '~db/connection.server';
import { hashPassword } from './passwords.server';
import { parseLoginIdentifier } from './phone';

/** Creates (or updates) an admin or a trade office officer account; used by the CLI and the demo seed. */
export async function ensureStaffAccount(
  db: DB,
  input: {
    identifier: string;
    displayName: string;
    password: string;
    admin?: boolean;
    officerProvinceCodes?: string[];
  },
  now = new Date(),
): Promise<number> {
  const identifier = parseLoginIdentifier(input.identifier);
  if (!identifier) throw new Error(`not a phone number or e-mail: ${input.identifier}`);
  const at = now.toISOString();
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where(identifier.kind, '=', identifier.value)
    .executeTakeFirst();
  const passwordHash = await hashPassword(input.password);
  const id = existing
    ? (
        await db
          .updateTable('users')
          .set({
            password_hash: passwordHash,
            display_name: input.displayName,
            is_admin: input.admin ? 1 : 0,
            updated_at: at,
          })
          .where('id', '=', existing.id)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    : (
        await db
          .insertInto('users')
          .values({
            email: identifier.kind === 'email' ? identifier.value : null,
            phone: identifier.kind === 'phone' ? identifier.value : null,
            display_name: input.displayName,
            password_hash: passwordHash,
            is_admin: input.admin ? 1 : 0,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  for (const code of input.officerProvinceCodes ?? []) {
    await db
      .insertInto('officer_assignments')
      .values({ user_id: id, province_code: code, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return id;
}

/** Demo accounts, created only with the demo catalogue (SEED_DEMO=true); the README lists them. */
export const DEMO_STAFF = [
  {
    identifier: 'admin@chophien.test',
    displayName: 'Quản trị viên Chợ Phiên',
    password: 'chophien-admin-demo',
    admin: true,
  },
  {
    identifier: 'socongthuong.laichau@chophien.test',
    displayName: 'Cán bộ Sở Công Thương Lai Châu',
    password: 'chophien-officer-demo',
    officerProvinceCodes: ['12'],
  },
  {
    identifier: 'socongthuong.laocai@chophien.test',
    displayName: 'Cán bộ Sở Công Thương Lào Cai',
    password: 'chophien-officer-demo',
    officerProvinceCodes: ['15'],
  },
];
