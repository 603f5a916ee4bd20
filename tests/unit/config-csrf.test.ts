import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '~/lib/config.server';
import { isCrossSiteRequest, isSignedWebhook, normalisedPath } from '../../server/csrf';

describe('loadConfig', () => {
  it('has defaults that work on a fresh machine', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.databasePath).toBe(path.resolve('data/cho-phien.sqlite'));
    expect(config.uploadsDir).toBe(path.resolve('data/uploads'));
    expect(config.seedDemo).toBe(true);
    expect(config.search.engine).toBe('meilisearch');
  });
  it('reads overrides', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/srv/cp',
      DATABASE_PATH: '/db/x.sqlite',
      SEED_DEMO: 'false',
      PUBLIC_URL: 'https://chophien.vn/',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/srv/cp',
      databasePath: '/db/x.sqlite',
      seedDemo: false,
      publicUrl: 'https://chophien.vn',
    });
  });
  it('reports every bad value with its name', () => {
    try {
      loadConfig({
        PORT: 'abc',
        SEED_DEMO: 'maybe',
        SEARCH_ENGINE: 'elastic',
        PUBLIC_URL: 'not a url',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT="abc": must be a number/);
      expect(problems).toMatch(/SEED_DEMO="maybe": must be true or false/);
      expect(problems).toMatch(/SEARCH_ENGINE="elastic"/);
      expect(problems).toMatch(/PUBLIC_URL="not a url"/);
    }
  });
  it('rejects a port out of range and a key without a URL', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ MEILISEARCH_API_KEY: 'k' })).toThrow(/MEILISEARCH_URL/);
  });
});

describe('isCrossSiteRequest', () => {
  it('refuses posts a browser marks as cross-site', () => {
    expect(isCrossSiteRequest({ 'sec-fetch-site': 'cross-site', host: 'a.vn' })).toBe(true);
    expect(isCrossSiteRequest({ origin: 'https://evil.example', host: 'chophien.vn' })).toBe(true);
    expect(isCrossSiteRequest({ origin: 'null', host: 'chophien.vn' })).toBe(true);
  });
  it('accepts same-origin posts and requests without browser headers', () => {
    expect(
      isCrossSiteRequest({
        'sec-fetch-site': 'same-origin',
        origin: 'http://localhost:3000',
        host: 'localhost:3000',
      }),
    ).toBe(false);
    expect(isCrossSiteRequest({ origin: 'http://localhost:3000', host: 'localhost:3000' })).toBe(
      false,
    );
    expect(isCrossSiteRequest({ host: 'localhost:3000' })).toBe(false);
  });
});

describe('normalisedPath and the webhook exemption', () => {
  it.each([
    ['/webhooks/stripe', '/webhooks/stripe'],
    ['/webhooks/%2e%2e/gio-hang', '/gio-hang'],
    ['/webhooks/%2E%2E/dang-xuat?x=1', '/dang-xuat'],
    ['/webhooks/./stripe', '/webhooks/stripe'],
    ['/a/b/../../webhooks/stripe', '/webhooks/stripe'],
  ])('%s is routed as %s', (raw, expected) => expect(normalisedPath(raw)).toBe(expected));

  it('exempts only the signed webhooks, judged after normalising', () => {
    expect(isSignedWebhook('/webhooks/stripe')).toBe(true);
    expect(isSignedWebhook('/webhooks/bank-transfer?x=1')).toBe(true);
    expect(isSignedWebhook('/x/../webhooks/stripe')).toBe(true);
    expect(isSignedWebhook('/webhooks/%2e%2e/gio-hang')).toBe(false);
    expect(isSignedWebhook('/webhooks/other')).toBe(false);
    expect(isSignedWebhook('/webhooks/')).toBe(false);
  });
});
