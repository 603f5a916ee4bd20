import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// A stamp issue that a restart interrupted (left queued or running) is finished when the server starts,
// not only when someone next opens its batch page.
let data: TestData;
let server: TestServer | undefined;

beforeAll(() => {
  data = copyTemplateDatabase();
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

it('finishes interrupted stamp issues at start', async () => {
  const product = await data.db
    .selectFrom('products')
    .select(['id', 'organization_id', 'origin_commune_code'])
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const batch = await data.db
    .insertInto('batches')
    .values({
      product_id: product.id,
      organization_id: product.organization_id,
      lot_code: 'L-RESUME',
      gtin: null,
      produced_on: '2026-11-01',
      expires_on: null,
      quantity: 10,
      quantity_unit: 'kg',
      commune_code: product.origin_commune_code ?? '03390',
      latitude: null,
      longitude: null,
      area_name: '',
      notes: '',
      created_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const issue = (status: 'queued' | 'running', serialStart: number) =>
    data.db
      .insertInto('stamp_issues')
      .values({
        batch_id: batch.id,
        serial_start: serialStart,
        count: 250_000,
        status,
        progress: status === 'running' ? 100_000 : 0,
        key_id: '1',
        requested_by: null,
        requested_at: now,
        started_at: status === 'running' ? now : null,
        finished_at: null,
        error: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const queued = await issue('queued', 1);
  const running = await issue('running', 250_001);

  server = await startTestServer({ dataDir: data.dataDir });
  // The jobs run in the background of the started server: wait for them to report.
  await vi.waitFor(
    async () => {
      const rows = await data.db
        .selectFrom('stamp_issues')
        .select(['id', 'status', 'progress'])
        .where('id', 'in', [queued.id, running.id])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: queued.id, status: 'done', progress: 250_000 },
        { id: running.id, status: 'done', progress: 250_000 },
      ]);
    },
    { timeout: 15_000, interval: 100 },
  );
});
