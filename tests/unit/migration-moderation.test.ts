import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileMigrationProvider, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '~db/connection.server';

// 0006 rebuilds three tables to widen their CHECK constraints: nothing else may change.
const migrationFolder = path.resolve(import.meta.dirname, '../../db/migrations');
let opened: OpenedDatabase | undefined;
afterEach(async () => {
  await opened?.db.destroy();
  opened = undefined;
});

async function databaseAt(target: string) {
  opened = openDatabase(':memory:');
  const migrator = new Migrator({
    db: opened.db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
  });
  const to = (name: string) =>
    migrator.migrateTo(name).then((r) => expect(r.error).toBeUndefined());
  await to(target);
  return { ...opened, migrator, to };
}

async function seedOne(db: OpenedDatabase['db']) {
  const at = '2026-11-01T00:00:00.000Z';
  await sql`insert into provinces (code, name, full_name, slug, kind, former_names) values ('12', 'Lai Châu', 'Tỉnh Lai Châu', 'lai-chau', 'province', '[]')`.execute(
    db,
  );
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
  const product = (name: string) => ({
    organization_id: org.id,
    slug: name,
    name,
    name_key: name,
    description: '',
    ocop_group: 'food' as const,
    category: '',
    unit: 'kg',
    net_quantity: '',
    weight_g: null,
    price_vnd: 1000,
    stock: 0,
    gtin: null,
    status: 'draft' as const,
    rejection_reason: null,
    origin_commune_code: null,
    created_at: at,
    updated_at: at,
    published_at: null,
  });
  const insert = async (name: string) =>
    (
      await db
        .insertInto('products')
        .values(product(name))
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const ids = [await insert('a'), await insert('b'), await insert('c')] as const;
  await db
    .insertInto('product_images')
    .values({ product_id: ids[0], storage_key: 'k', width: 1, height: 1, position: 0, alt: '' })
    .execute();
  await db
    .insertInto('ocop_certificates')
    .values({
      product_id: ids[0],
      stars: 4,
      certificate_no: 'X',
      issuer: 'UBND',
      issued_on: '2025-01-01',
      expires_on: '2028-01-01',
      scan_key: null,
      review_state: 'pending',
      review_note: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db.deleteFrom('products').where('id', '=', ids[2]).execute();
  return { orgId: org.id, ids, product };
}

const schemaOf = async (db: OpenedDatabase['db'], table: string) =>
  (
    await sql<{
      type: string;
      name: string;
    }>`select type, name from sqlite_schema where tbl_name = ${table} order by name`.execute(db)
  ).rows;

describe('migration 0006_moderation', () => {
  it('accepts changes_requested in the three tables and keeps rows, indexes, foreign keys and ids', async () => {
    const { db, sqlite, to } = await databaseAt('0005_traceability');
    const { orgId, ids, product } = await seedOne(db);
    const before = await Promise.all(
      ['organizations', 'products', 'ocop_certificates'].map((t) => schemaOf(db, t)),
    );
    await expect(
      db
        .updateTable('products')
        .set({ status: 'changes_requested' })
        .where('id', '=', ids[0])
        .execute(),
    ).rejects.toThrow(/CHECK constraint/);

    await to('0006_moderation');
    expect(
      await Promise.all(
        ['organizations', 'products', 'ocop_certificates'].map((t) => schemaOf(db, t)),
      ),
    ).toEqual(before);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    await db
      .updateTable('organizations')
      .set({ verification_state: 'changes_requested' })
      .where('id', '=', orgId)
      .execute();
    await db
      .updateTable('products')
      .set({ status: 'changes_requested' })
      .where('id', '=', ids[0])
      .execute();
    await db
      .updateTable('ocop_certificates')
      .set({ review_state: 'changes_requested' })
      .where('product_id', '=', ids[0])
      .execute();
    await expect(
      db
        .updateTable('products')
        .set({ status: 'bogus' as never })
        .where('id', '=', ids[0])
        .execute(),
    ).rejects.toThrow(/CHECK constraint/);
    expect(
      (await db.selectFrom('products').select('id').orderBy('id').execute()).map((r) => r.id),
    ).toEqual(ids.slice(0, 2));
    // AUTOINCREMENT still remembers the deleted id; foreign keys still point at the rebuilt tables.
    expect(
      (
        await db
          .insertInto('products')
          .values(product('d'))
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    ).toBe(ids[2] + 1);
    await expect(
      db
        .insertInto('product_images')
        .values({ product_id: 9999, storage_key: 'x', width: 1, height: 1, position: 0, alt: '' })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.deleteFrom('products').where('id', '=', ids[1]).execute();
    await expect(
      db.deleteFrom('products').where('id', '=', ids[0]).execute(),
    ).resolves.toBeDefined();
    expect(await db.selectFrom('product_images').selectAll().execute()).toEqual([]);
  });

  it('goes back down to the older states, keeping the notes', async () => {
    const { db, to } = await databaseAt('0006_moderation');
    const { orgId, ids } = await seedOne(db);
    await db
      .updateTable('organizations')
      .set({ verification_state: 'changes_requested', rejection_reason: 'Thiếu MST' })
      .where('id', '=', orgId)
      .execute();
    await db
      .updateTable('products')
      .set({ status: 'changes_requested', rejection_reason: 'Ảnh mờ' })
      .where('id', '=', ids[0])
      .execute();
    await to('0005_traceability');
    expect(
      await db
        .selectFrom('organizations')
        .select(['verification_state', 'rejection_reason'])
        .executeTakeFirstOrThrow(),
    ).toEqual({ verification_state: 'rejected', rejection_reason: 'Thiếu MST' });
    expect(
      await db
        .selectFrom('products')
        .select(['status', 'rejection_reason'])
        .where('id', '=', ids[0])
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'rejected', rejection_reason: 'Ảnh mờ' });
    await expect(
      db
        .updateTable('products')
        .set({ status: 'changes_requested' })
        .where('id', '=', ids[0])
        .execute(),
    ).rejects.toThrow(/CHECK constraint/);
  });
});
