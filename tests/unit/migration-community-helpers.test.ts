import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileMigrationProvider, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '~db/connection.server';

// 0016 rebuilds organization_members and organization_invitations to allow the `helper` role (SQLite).
const migrationFolder = path.resolve(import.meta.dirname, '../../db/migrations');
let opened: OpenedDatabase | undefined;
afterEach(async () => {
  await opened?.db.destroy();
  opened = undefined;
});

const at = '2026-12-01T00:00:00.000Z';

async function seed(db: OpenedDatabase['db']) {
  await sql`insert into provinces (code, name, full_name, slug, kind, former_names) values ('12', 'Lai Châu', 'Tỉnh Lai Châu', 'lai-chau', 'province', '[]')`.execute(
    db,
  );
  const user = (phone: string) =>
    db
      .insertInto('users')
      .values({
        email: null,
        phone,
        display_name: phone,
        password_hash: 'x',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const [owner, helper] = [await user('+84900000001'), await user('+84900000002')];
  const org = await db
    .insertInto('organizations')
    .values({
      slug: 'htx',
      name: 'HTX',
      kind: 'cooperative',
      province_code: '12',
      commune_code: null,
      address_line: '',
      phone: '',
      tax_code: null,
      description: '',
      logo_key: null,
      verification_state: 'pending',
      rejection_reason: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('organization_members')
    .values({ organization_id: org.id, user_id: owner, role: 'owner', created_at: at })
    .execute();
  return { orgId: org.id, owner, helper };
}

const invite = (db: OpenedDatabase['db'], orgId: number, by: number, role: 'staff' | 'helper') =>
  db
    .insertInto('organization_invitations')
    .values({
      organization_id: orgId,
      identifier: `+8491${role}`,
      role,
      invited_by: by,
      created_at: at,
    })
    .execute();

const schema = async (db: OpenedDatabase['db']) =>
  (
    await sql<{
      name: string;
    }>`select name from sqlite_schema where tbl_name in ('organization_members', 'organization_invitations') order by name`.execute(
      db,
    )
  ).rows;

describe('migration 0016_community_helpers', () => {
  it('allows the helper role, keeps rows, indexes and foreign keys, and narrows back on down', async () => {
    opened = openDatabase(':memory:');
    const { db, sqlite } = opened;
    const migrator = new Migrator({
      db,
      provider: new FileMigrationProvider({ fs, path, migrationFolder }),
    });
    const to = (name: string) =>
      migrator.migrateTo(name).then((r) => expect(r.error).toBeUndefined());
    await to('0015_notices');
    const { orgId, owner, helper } = await seed(db);
    await invite(db, orgId, owner, 'staff');
    const before = await schema(db);
    await expect(
      db
        .insertInto('organization_members')
        .values({ organization_id: orgId, user_id: helper, role: 'helper', created_at: at })
        .execute(),
    ).rejects.toThrow(/CHECK constraint/);

    await to('0016_community_helpers');
    expect(await schema(db)).toEqual(before);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await db
      .insertInto('organization_members')
      .values({ organization_id: orgId, user_id: helper, role: 'helper', created_at: at })
      .execute();
    await invite(db, orgId, owner, 'helper');
    await expect(
      sql`insert into organization_invitations (organization_id, identifier, role, invited_by, created_at) values (${orgId}, 'x', 'boss', ${owner}, ${at})`.execute(
        db,
      ),
    ).rejects.toThrow(/CHECK constraint/);
    // Foreign keys still hold after the rebuild.
    await expect(
      db
        .insertInto('organization_members')
        .values({ organization_id: 999, user_id: owner, role: 'staff', created_at: at })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    const ids = await db
      .selectFrom('organization_invitations')
      .select('id')
      .orderBy('id')
      .execute();
    expect(ids.map((r) => r.id)).toEqual([1, 2]);

    await to('0015_notices');
    expect(
      await db.selectFrom('organization_members').select(['user_id', 'role']).execute(),
    ).toEqual([{ user_id: owner, role: 'owner' }]);
    expect(await db.selectFrom('organization_invitations').select('role').execute()).toEqual([
      { role: 'staff' },
    ]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
