import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
} from 'meilisearch';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeiliHttpClient } from '~/search/meilisearch/http-client.server';
import { useTestMeilisearch } from '../helpers/meili';

const meili = useTestMeilisearch();

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

async function localServer(handler: http.RequestListener, keepAliveTimeout = 5_000) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = keepAliveTimeout;
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the Meilisearch client over node:http', () => {
  it('adds documents, waits for the task and searches with answers far larger than one packet', async () => {
    const uid = meili.uniqueIndexUid();
    const client = new Meilisearch({
      host: meili.server.url,
      apiKey: meili.server.apiKey,
      httpClient: createMeiliHttpClient(),
    });
    const documents = Array.from({ length: 40 }, (_, i) => ({
      id: i + 1,
      name: `Miến dong Bình Liêu ${i + 1}`,
      description: 'Sợi miến dai, làm từ củ dong riềng trồng trên nương. '.repeat(20),
    }));
    const task = await client.index(uid).addDocuments(documents, { primaryKey: 'id' }).waitTask();
    expect(task.status).toBe('succeeded');

    const result = await client.index(uid).search('mien dong', { limit: 30 });
    expect(result.hits).toHaveLength(30);
    expect(result.estimatedTotalHits).toBe(40);
    expect(JSON.stringify(result.hits).length).toBeGreaterThan(30_000);
    expect(result.hits[0]).toMatchObject({ name: expect.stringContaining('Miến dong') });
  });

  it("reports Meilisearch's own errors with their code and status", async () => {
    const client = new Meilisearch({
      host: meili.server.url,
      apiKey: meili.server.apiKey,
      httpClient: createMeiliHttpClient(),
    });
    const error = await client
      .index('no_such_index')
      .search('che')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchRequestError);
    const cause = (error as MeilisearchRequestError).cause;
    expect(cause).toBeInstanceOf(MeilisearchApiError);
    expect((cause as MeilisearchApiError).response.status).toBe(404);
    expect((cause as MeilisearchApiError).cause?.code).toBe('index_not_found');

    const unauthorised = new Meilisearch({
      host: meili.server.url,
      apiKey: 'wrong-key',
      httpClient: createMeiliHttpClient(),
    });
    const denied = await unauthorised.getIndexes().catch((e: unknown) => e);
    expect(((denied as MeilisearchRequestError).cause as MeilisearchApiError).response.status).toBe(
      403,
    );
  });

  it("gives up after the client's timeout when the server never answers", async () => {
    const url = await localServer(() => {
      // Never answers.
    });
    const client = new Meilisearch({
      host: url,
      timeout: 100,
      httpClient: createMeiliHttpClient(),
    });
    const error = await client
      .health()
      .then(() => null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchRequestError);
    expect((error as MeilisearchRequestError).cause).toBeInstanceOf(MeilisearchRequestTimeOutError);
  });

  it('fails plainly when nothing listens', async () => {
    const url = await localServer(() => {});
    await new Promise((done) => servers.pop()!.close(done));
    const client = new Meilisearch({ host: url, httpClient: createMeiliHttpClient() });
    const error = await client.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchRequestError);
    expect(String((error as MeilisearchRequestError).cause)).toMatch(/ECONNREFUSED/);
  });

  it('sends again on a fresh socket when the server closed the kept-alive one while idle', async () => {
    let requests = 0;
    const url = await localServer((req, res) => {
      requests++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 'available' }));
    }, 30);
    // Our idle timeout longer than the server's, as when Meilisearch closes first.
    const client = new Meilisearch({
      host: url,
      httpClient: createMeiliHttpClient({ idleMs: 60_000 }),
    });
    expect(await client.health()).toEqual({ status: 'available' });
    await new Promise((done) => setTimeout(done, 150));
    expect(await client.health()).toEqual({ status: 'available' });
    expect(await client.health()).toEqual({ status: 'available' });
    expect(requests).toBe(3);
  });
});
