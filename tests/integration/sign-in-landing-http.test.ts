import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// Issue 17: officers landed in the seller area after sign-in and were told to register a cooperative.
let data: TestData;
let server: TestServer;

beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({ dataDir: data.dataDir });
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

const signIn = async (identifier: string, password: string, redirectTo?: string) => {
  const client = new FormClient(server.url);
  const response = await client.post('/dang-nhap', {
    identifier,
    password,
    ...(redirectTo === undefined ? {} : { redirectTo }),
  });
  expect(response.status, identifier).toBe(302);
  return { client, location: response.headers.get('location') };
};
const OFFICER = ['socongthuong.laichau@chophien.test', 'chophien-officer-demo'] as const;
const OWNER = ['htx-che-tam-duong@chophien.test', 'chophien-producer-demo'] as const;

describe('where sign-in lands', () => {
  it('takes an officer to the trade office, whose page then opens', async () => {
    const { client, location } = await signIn(...OFFICER);
    expect(location).toBe('/so-cong-thuong');
    const page = await client.get(location!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sở Công Thương Lai Châu');
  });

  it('takes a cooperative owner to the seller area and an admin to the operator pages', async () => {
    expect((await signIn(...OWNER)).location).toBe('/kenh-nguoi-ban');
    const admin = await data.db
      .selectFrom('users')
      .select('email')
      .where('is_admin', '=', 1)
      .executeTakeFirstOrThrow();
    const { location } = await signIn(admin.email!, 'chophien-admin-demo');
    expect(location).toBe('/quan-tri/thanh-toan');
  });

  it('still honours a same-site redirectTo, and ignores one to another site', async () => {
    expect((await signIn(...OFFICER, '/duyet')).location).toBe('/duyet');
    expect((await signIn(...OFFICER, 'https://evil.example/')).location).toBe('/so-cong-thuong');
    expect((await signIn(...OFFICER, '//evil.example/')).location).toBe('/so-cong-thuong');
  });

  it('sends a signed-in officer who opens the sign-in page to the trade office', async () => {
    const { client } = await signIn(...OFFICER);
    const again = await client.get('/dang-nhap');
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe('/so-cong-thuong');
  });
});
