import { afterAll, beforeAll, expect } from 'vitest';
import { FormClient } from './browser-less';
import { startTestServer, type TestServer } from './server';
import { copyTemplateDatabase, type TestData } from './test-db';

export interface Workspace {
  data: TestData;
  server: TestServer;
  /** Signed in as the owner of "HTX Thử nghiệm A" (orgA), which has one draft product (productA). */
  farmerA: FormClient;
  /** Signed in as the owner of "HTX Thử nghiệm B". */
  farmerB: FormClient;
  orgA: number;
  productA: number;
  countRows(table: 'products' | 'product_images' | 'organizations'): Promise<number>;
}

/**
 * A running server on a copy of the demo database with two farmers who registered their own
 * cooperatives in Lai Châu through the pages, A with a draft product. Set up once per test file.
 */
export function useWorkspace(): Workspace {
  const workspace = {} as Workspace;
  beforeAll(async () => {
    const data = copyTemplateDatabase();
    const server = await startTestServer({ dataDir: data.dataDir });
    const farmerA = new FormClient(server.url);
    const farmerB = new FormClient(server.url);
    Object.assign(workspace, { data, server, farmerA, farmerB });
    for (const [client, phone, name, org] of [
      [farmerA, '0912 345 678', 'Lò Thị Mai', 'HTX Thử nghiệm A'],
      [farmerB, '+84 987.654.321', 'Giàng A Páo', 'HTX Thử nghiệm B'],
    ] as const) {
      expect(
        (
          await client.post('/dang-ky', {
            displayName: name,
            identifier: phone,
            password: 'mat-khau-rat-dai',
          })
        ).status,
      ).toBe(302);
      const registered = await client.post('/kenh-nguoi-ban/to-chuc/moi?tinh=12', {
        provinceCode: '12',
        communeCode: '03390',
        name: org,
        kind: 'cooperative',
        phone: '0912000111',
        addressLine: 'Bản 1',
        taxCode: '',
        description: '',
      });
      expect(registered.status).toBe(302);
    }
    workspace.orgA = (
      await data.db
        .selectFrom('organizations')
        .select('id')
        .where('name', '=', 'HTX Thử nghiệm A')
        .executeTakeFirstOrThrow()
    ).id;
    const created = await farmerA.post(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${workspace.orgA}`, {
      name: 'Chè búp thử nghiệm',
      group: 'beverage',
      unit: 'gói',
      priceVnd: '120.000',
      category: 'Chè',
    });
    expect(created.status).toBe(302);
    workspace.productA = Number(created.headers.get('location')?.split('/').pop());
    workspace.countRows = async (table) =>
      Number(
        (
          await data.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
  });
  afterAll(async () => {
    await workspace.server?.stop();
    await workspace.data?.cleanup();
  });
  return workspace;
}
