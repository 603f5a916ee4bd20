import { expect } from 'vitest';
import { DEMO_PRODUCER_PASSWORD } from '~/catalogue/seed.server';
import type { StampKeyring } from '~/traceability/authenticator.server';
import { loadStampKeyring } from '~/traceability/keyring.server';
import { FormClient } from '../helpers/browser-less';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

/**
 * The world of the traceability HTTP tests (traceability-http and traceability-stamps-http): a server on
 * its own database, the tea cooperative's owner with a batch of a product with a GTIN and one without,
 * and the ginseng cooperative's owner as the stranger.
 */
export interface TraceabilityWorld {
  data: TestData;
  server: TestServer;
  keyring: StampKeyring;
  teaOwner: FormClient;
  ginsengOwner: FormClient;
  gtinProduct: number;
  plainProduct: number;
  batchId: number;
  plainBatchId: number;
}

type Counted =
  | 'batches'
  | 'batch_events'
  | 'stamp_issues'
  | 'stamp_revocations'
  | 'stamp_reports'
  | 'email_outbox'
  | 'stamp_scans';

export const createBatch = async (
  client: FormClient,
  product: number,
  fields: Record<string, string>,
) =>
  client.post(`/kenh-nguoi-ban/san-pham/${product}/lo-hang`, {
    producedOn: '01/07/2026',
    quantity: '500',
    quantityUnit: 'kg',
    communeCode: '03390',
    ...fields,
  });

/** The batch id a "create batch" answer redirects to. */
export const createdBatchId = (response: Response) =>
  Number(response.headers.get('location')?.split('/').pop());

export async function startTraceabilityWorld(): Promise<TraceabilityWorld> {
  const data = copyTemplateDatabase();
  const server = await startTestServer({ dataDir: data.dataDir });
  const keyring = loadStampKeyring({
    dataDir: data.dataDir,
    stamps: { keys: null, currentKeyId: null },
  });
  const signIn = async (identifier: string) => {
    const client = new FormClient(server.url);
    const answer = await client.post('/dang-nhap', {
      identifier,
      password: DEMO_PRODUCER_PASSWORD,
    });
    expect(answer.status).toBe(302);
    return client;
  };
  const productId = async (slug: string) =>
    (
      await data.db
        .selectFrom('products')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
    ).id;
  const teaOwner = await signIn('htx-che-tam-duong@chophien.test');
  const ginsengOwner = await signIn('htx-sam-lai-chau-muong-te@chophien.test');
  const gtinProduct = await productId('che-xanh-tam-duong');
  const plainProduct = await productId('che-o-long-tam-duong');
  const commune = await data.db
    .selectFrom('products')
    .select('origin_commune_code')
    .where('id', '=', gtinProduct)
    .executeTakeFirstOrThrow();
  const created = await createBatch(teaOwner, gtinProduct, {
    lotCode: 'L2026-07',
    expiresOn: '01/07/2030',
    communeCode: commune.origin_commune_code ?? '03390',
    areaName: 'Đồi chè Bản Giang',
    latitude: '22.4',
    longitude: '103.5',
  });
  expect(created.status).toBe(302);
  const plain = await createBatch(teaOwner, plainProduct, { lotCode: 'OL-01' });
  expect(plain.status).toBe(302);
  return {
    data,
    server,
    keyring,
    teaOwner,
    ginsengOwner,
    gtinProduct,
    plainProduct,
    batchId: createdBatchId(created),
    plainBatchId: createdBatchId(plain),
  };
}

export async function stopTraceabilityWorld(world: TraceabilityWorld | undefined) {
  await world?.server.stop();
  await world?.data.cleanup();
}

export const countRows = async (data: TestData, table: Counted) =>
  Number(
    (
      await data.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const batchIdentity = async (data: TestData, id: number) => {
  const b = await data.db
    .selectFrom('batches')
    .select(['id', 'gtin', 'lot_code'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id: b.id, gtin: b.gtin, lotCode: b.lot_code };
};

/** The path and query of a stamp URL (its origin is the public URL, not the test server). */
export const pathOf = (url: string) => url.slice(new URL(url).origin.length);

export const scanStamp = async (server: TestServer, url: string) => {
  const response = await fetch(`${server.url}${pathOf(url)}`);
  // Every scan is judged and logged anew: never served from a cache.
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, html: await response.text() };
};

export const waitForIssues = async (data: TestData, id: number) => {
  for (let i = 0; i < 200; i++) {
    const pending = await data.db
      .selectFrom('stamp_issues')
      .select('id')
      .where('batch_id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .execute();
    if (!pending.length) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('stamp issue did not finish');
};
