import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '~db/connection.server';

describe('withStatementCache', () => {
  it('hands back the same prepared statement for the same SQL, and a fresh one while it is being iterated', () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (n integer)');
    const cached = withStatementCache(sqlite, 2);
    const insert = cached.prepare('insert into t (n) values (?)');
    for (let n = 1; n <= 3; n++) insert.run(n);
    expect(cached.prepare('insert into t (n) values (?)')).toBe(insert);
    const select = cached.prepare('select n from t order by n');
    const rows = select.iterate();
    expect(rows.next().value).toEqual({ n: 1 });
    const other = cached.prepare('select n from t order by n');
    expect(other).not.toBe(select);
    expect(other.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    rows.return?.();
    expect(cached.prepare('select n from t order by n')).toBe(select);
    sqlite.close();
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const sqlite = new SQLite(':memory:');
    const cached = withStatementCache(sqlite, 2);
    const one = cached.prepare('select 1');
    const two = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(one);
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(one);
    expect(cached.prepare('select 2')).not.toBe(two);
    sqlite.close();
  });

  it('sees schema changes (statements recompile)', () => {
    const sqlite = new SQLite(':memory:');
    const cached = withStatementCache(sqlite);
    sqlite.exec('create table t (a integer)');
    const select = cached.prepare('select * from t');
    sqlite.exec('alter table t add column b integer; insert into t values (1, 2)');
    expect(cached.prepare('select * from t').all()).toEqual([{ a: 1, b: 2 }]);
    void select;
  });
});
