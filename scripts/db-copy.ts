import { createHash } from 'node:crypto';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describeDatabaseError } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { openPostgres, redactUrl } from '~db/postgres.server';
import { catalogueSearchDocuments } from '~/catalogue/index.server';
import { ConfigError, loadConfig } from '~/lib/config.server';
import { refreshEmbeddedIndex } from '~/search/index.server';

// npm run db:copy -- --to postgres://user:password@host:5432/cho_phien
// Copies this province's SQLite database (DATABASE_PATH / DATA_DIR) into an empty PostgreSQL database:
// the schema by the same migrations, every table in foreign-key order in one transaction, identity
// sequences set past the copied ids, the embedded search index rebuilt for PostgreSQL, then row counts
// and per-table checksums compared. Refuses a target that already holds rows. Stop the app first (or
// copy from a backup made with `npm run backup`) so nothing is written meanwhile.
const to = process.argv[process.argv.indexOf('--to') + 1];
if (!process.argv.includes('--to') || !to || !/^postgres(ql)?:\/\//.test(to)) {
  console.error('Usage: npm run db:copy -- --to postgres://user:password@host:5432/database');
  process.exit(2);
}
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
if (!fs.existsSync(config.databasePath)) {
  console.error(`No SQLite database at ${config.databasePath} (set DATA_DIR or DATABASE_PATH).`);
  process.exit(2);
}
const source = new SQLite(config.databasePath, { readonly: true, fileMustExist: true });
const { db: target } = openPostgres({ url: to, poolSize: 2, statementTimeoutMs: 600_000 });

/** Tables the migrations made, without Kysely's own, FTS5's and the derived search rows. */
function sourceTables(): string[] {
  const names = (
    source
      .prepare(`select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'`)
      .all() as Array<{ name: string }>
  ).map((r) => r.name);
  return names.filter(
    (n) => !n.startsWith('kysely_') && !n.startsWith('product_fts') && n !== 'product_search',
  );
}

/** Parents before children (a table referring to itself is copied in id order). */
function foreignKeyOrder(tables: string[]): string[] {
  const parents = new Map(
    tables.map((t) => [
      t,
      (
        source.prepare(`select "table" from pragma_foreign_key_list(?)`).all(t) as Array<{
          table: string;
        }>
      )
        .map((r) => r.table)
        .filter((p) => p !== t && tables.includes(p)),
    ]),
  );
  const ordered: string[] = [];
  const visit = (t: string) => {
    if (ordered.includes(t)) return;
    for (const p of parents.get(t) ?? []) visit(p);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

const columnsOf = (table: string) =>
  (
    source.prepare(`select name, pk from pragma_table_info(?)`).all(table) as Array<{
      name: string;
      pk: number;
    }>
  ).map((c) => c.name);

/** Order-independent digest of a table's rows (PostgreSQL may sort text differently). */
function checksum(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const digests = rows
    .map((row) =>
      createHash('sha256')
        .update(JSON.stringify(columns.map((c) => (row[c] === null ? null : String(row[c])))))
        .digest('hex'),
    )
    .sort();
  return createHash('sha256').update(digests.join('')).digest('hex').slice(0, 16);
}

try {
  await migrateToLatest(target);
  // Rows the migrations themselves write (the catalogue version): replaced, copied last, since every
  // other table's triggers bump it while the copy runs.
  const MIGRATION_ROWS = new Set(['catalogue_version']);
  const ordered = foreignKeyOrder(sourceTables());
  const tables = [
    ...ordered.filter((t) => !MIGRATION_ROWS.has(t)),
    ...ordered.filter((t) => MIGRATION_ROWS.has(t)),
  ];
  const occupied: string[] = [];
  for (const table of [...tables.filter((t) => !MIGRATION_ROWS.has(t)), 'product_search']) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)}`.execute(target);
    if ((rows[0]?.n ?? 0) > 0) occupied.push(table);
  }
  if (occupied.length) {
    console.error(
      `Refusing to copy: ${redactUrl(to)} is not empty (${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? ', …' : ''} hold rows). Copy into a new, empty database.`,
    );
    process.exit(2);
  }
  console.log(`Copying ${config.databasePath} → ${redactUrl(to)} (${tables.length} tables)…`);
  const report: Array<Record<string, string | number>> = [];
  await target.transaction().execute(async (trx) => {
    const copyTable = async (table: string) => {
      const columns = columnsOf(table);
      if (MIGRATION_ROWS.has(table)) await trx.deleteFrom(table as never).execute();
      const rows = source.prepare(`select * from "${table}" order by rowid`).all() as Array<
        Record<string, unknown>
      >;
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto(table as never)
          .values(rows.slice(i, i + 500) as never)
          .execute();
      if (columns.includes('id')) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false)
          from ${sql.table(table)}`.execute(trx);
      }
      report.push({ table, rows: rows.length, sqlite: checksum(rows, columns) });
    };
    for (const table of tables) if (!MIGRATION_ROWS.has(table)) await copyTable(table);
    // The embedded search rows are derived: rebuilt with PostgreSQL's full-text columns.
    const ids = await catalogueSearchDocuments.listVisibleIds(trx);
    await refreshEmbeddedIndex(trx, catalogueSearchDocuments, ids);
    // Last, after every write that bumps it.
    for (const table of tables) if (MIGRATION_ROWS.has(table)) await copyTable(table);
  });
  let mismatches = 0;
  for (const line of report) {
    const table = String(line.table);
    const columns = columnsOf(table);
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      target,
    );
    line.postgres_rows = rows.length;
    line.postgres = checksum(rows, columns);
    line.ok = line.postgres === line.sqlite && rows.length === line.rows ? 'yes' : 'NO';
    if (line.ok !== 'yes') mismatches++;
  }
  console.table(report);
  if (mismatches) {
    console.error(`${mismatches} table(s) differ after the copy: do not switch to this database.`);
    process.exitCode = 1;
  } else {
    console.log(
      `Copied ${report.reduce((n, r) => n + Number(r.rows), 0)} rows; every count and checksum matches. Start the app with DATABASE_URL set to the target.`,
    );
  }
} catch (error) {
  console.error(`Copy failed, nothing was committed: ${describeDatabaseError(error)}`);
  process.exitCode = 1;
} finally {
  source.close();
  await target.destroy();
}
