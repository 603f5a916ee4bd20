import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileMigrationProvider, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '~db/connection.server';

// 0007 replaces stock_adjustments with stock_movements; 0008 gives search_outbox its embedded flag.
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
  return { db: opened.db, to };
}

const at = '2026-11-01T00:00:00.000Z';

async function productsWithStock(db: OpenedDatabase['db'], stocks: number[]): Promise<number[]> {
  await sql`insert into provinces (code, name, full_name, slug, kind, former_names)
    values ('12', 'Lai Châu', 'Tỉnh Lai Châu', 'lai-chau', 'province', '[]')`.execute(db);
  await sql`insert into organizations (slug, name, kind, province_code, address_line, phone,
      description, verification_state, created_at, updated_at)
    values ('htx', 'HTX', 'cooperative', '12', '', '', '', 'approved', ${at}, ${at})`.execute(db);
  const ids: number[] = [];
  for (const [n, stock] of stocks.entries()) {
    const row = await sql<{ id: number }>`insert into products (organization_id, slug, name,
        name_key, description, ocop_group, unit, price_vnd, stock, status, created_at, updated_at)
      values (1, ${`p${n}`}, ${`P ${n}`}, ${`p ${n}`}, '', 'food', 'kg', 1000, ${stock}, 'draft',
        ${at}, ${at}) returning id`.execute(db);
    const [first] = row.rows;
    if (!first) throw new Error('no product inserted');
    ids.push(first.id);
  }
  return ids;
}

describe('migration 0007_stock_movements', () => {
  it('keeps adjustments as movements and explains the rest of the stock with one opening row', async () => {
    const { db, to } = await databaseAt('0006_moderation');
    const [adjusted, untouched, empty] = await productsWithStock(db, [12, 7, 0]);
    await sql`insert into stock_adjustments (product_id, delta, stock_after, reason, created_at)
      values (${adjusted}, 10, 10, 'Thu hoạch mới', ${at}), (${adjusted}, -3, 7, 'Hàng hỏng', ${at})`.execute(
      db,
    );
    await to('0007_stock_movements');

    const movements = await sql<{
      product_id: number;
      delta: number;
      stock_after: number;
      reason: string;
      note: string | null;
    }>`select product_id, delta, stock_after, reason, note from stock_movements order by id`.execute(
      db,
    );
    expect(movements.rows).toEqual([
      {
        product_id: adjusted,
        delta: 10,
        stock_after: 10,
        reason: 'adjustment',
        note: 'Thu hoạch mới',
      },
      { product_id: adjusted, delta: -3, stock_after: 7, reason: 'adjustment', note: 'Hàng hỏng' },
      { product_id: adjusted, delta: 5, stock_after: 12, reason: 'opening', note: null },
      { product_id: untouched, delta: 7, stock_after: 7, reason: 'opening', note: null },
    ]);
    expect(movements.rows.some((m) => m.product_id === empty)).toBe(false);
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_schema where type = 'table' and name like 'stock_%'`.execute(db);
    expect(tables.rows.map((t) => t.name)).toEqual(['stock_movements']);
    await expect(sql`update stock_movements set delta = 2`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      sql`insert into stock_movements (product_id, delta, stock_after, reason, created_at)
        values (${empty}, 1, 1, 'gift', ${at})`.execute(db),
    ).rejects.toThrow(/CHECK/);
  });

  it('goes back down to stock_adjustments with the adjustments only', async () => {
    const { db, to } = await databaseAt('0006_moderation');
    const [adjusted] = await productsWithStock(db, [4]);
    await sql`insert into stock_adjustments (product_id, delta, stock_after, reason, created_at)
      values (${adjusted}, 4, 4, 'Nhập kho', ${at})`.execute(db);
    await to('0007_stock_movements');
    await to('0006_moderation');
    const rows = await sql<{
      delta: number;
      reason: string;
    }>`select delta, reason from stock_adjustments`.execute(db);
    expect(rows.rows).toEqual([{ delta: 4, reason: 'Nhập kho' }]);
  });
});

describe('migration 0008_search_outbox_embedded', () => {
  it('marks rows queued before it as already in the embedded index', async () => {
    const { db, to } = await databaseAt('0007_stock_movements');
    await sql`insert into search_outbox (product_id, created_at, next_attempt_at)
      values (1, ${at}, ${at})`.execute(db);
    await to('0008_search_outbox_embedded');
    const rows = await sql<{
      embedded_at: string | null;
    }>`select embedded_at from search_outbox`.execute(db);
    expect(rows.rows).toEqual([{ embedded_at: at }]);
  });
});
