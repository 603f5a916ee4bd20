import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

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

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

describe('understood parts over HTTP', () => {
  it('returns them from /api/search', async () => {
    const response = await get('/api/search?q=lao+cai+ocop+4+sao');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      total: number;
      hits: Array<{ province_code: string; ocop_stars: number }>;
      understood: Array<{ kind: string; effect: string; value: string; label: { vi: string } }>;
    };
    expect(body.understood).toEqual([
      {
        kind: 'stars',
        text: 'ocop 4 sao',
        effect: 'filter',
        value: '4',
        label: { vi: 'OCOP 4 sao', en: 'OCOP 4 stars' },
      },
      {
        kind: 'province',
        text: 'lao cai',
        effect: 'filter',
        value: '15',
        label: { vi: 'Lào Cai', en: 'Lào Cai' },
      },
    ]);
    expect(body.total).toBeGreaterThan(0);
    for (const hit of body.hits) expect([hit.province_code, hit.ocop_stars]).toEqual(['15', 4]);
  });

  it('shows each as a chip linking to the search without it', async () => {
    const html = await (await get('/san-pham?q=lao+cai+ocop+4+sao')).text();
    expect(html).toContain('data-understood="stars"');
    const link = /href="([^"]*ignore=stars[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toMatch(/^\/san-pham\?/);
    const without = await (await get(link!)).text();
    expect(without).not.toContain('data-understood="stars"');
    expect(without).toContain('data-understood="province"');
  });

  it('refuses an unknown part to ignore', async () => {
    const response = await get('/api/search?q=che&ignore=colour');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { parameter: string } };
    expect(body.error.parameter).toBe('ignore');
  });
});
