import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  locateMeilisearchBinary,
  MeilisearchBinaryError,
  PINNED_MEILISEARCH_SHA256,
  prepareMeilisearchBinary,
  sha256OfFile,
  verifyMeilisearchBinary,
} from '~/search/meilisearch/binary.server';
import { readLiveInstance } from '~/search/meilisearch/instance-file.server';
import { readOrCreateMasterKey } from '~/search/meilisearch/master-key.server';
import { startManagedMeilisearch, type ExitInfo } from '~/search/meilisearch/process.server';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-meili-proc-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the pinned binary', () => {
  it('is found in the optional package, hash-checked and made executable', async () => {
    const located = locateMeilisearchBinary();
    expect(located.pinned).toBe(true);
    expect(await sha256OfFile(located.path)).toBe(PINNED_MEILISEARCH_SHA256);
    const file = await prepareMeilisearchBinary();
    expect(fs.statSync(file).mode & 0o111).toBe(0o111);
  });
  it('refuses a binary whose SHA-256 differs', async () => {
    const tampered = path.join(tmp, 'meilisearch-tampered');
    fs.copyFileSync(locateMeilisearchBinary().path, tampered);
    fs.appendFileSync(tampered, Buffer.from([0]));
    await expect(verifyMeilisearchBinary(tampered)).rejects.toThrow(MeilisearchBinaryError);
    await expect(verifyMeilisearchBinary(tampered)).rejects.toThrow(/Refusing to run .*SHA-256/);
  });
  it('reports a missing package or MEILISEARCH_BIN clearly', () => {
    expect(() => locateMeilisearchBinary({ resolveFrom: path.join(tmp, 'nowhere.js') })).toThrow(
      /not installed.*MEILISEARCH_BIN/s,
    );
    expect(() => locateMeilisearchBinary({ bin: path.join(tmp, 'no-such-binary') })).toThrow(
      /MEILISEARCH_BIN points at .* does not exist/,
    );
  });
  it("trusts MEILISEARCH_BIN as the operator's own binary (no hash check)", async () => {
    const own = path.join(tmp, 'own-meilisearch');
    fs.writeFileSync(own, '#!/bin/sh\n');
    expect(locateMeilisearchBinary({ bin: own })).toEqual({ path: own, pinned: false });
    expect(await prepareMeilisearchBinary({ bin: own })).toBe(own);
    expect(fs.statSync(own).mode & 0o777).toBe(0o755);
  });
});

describe('the master key', () => {
  it('is generated once, at least 32 bytes of base64url, in a file of mode 0600', () => {
    const keyFile = path.join(tmp, 'keys', 'meili-master.key');
    const key = readOrCreateMasterKey(keyFile);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readOrCreateMasterKey(keyFile)).toBe(key);
  });
  it('tightens a loosened key file and refuses a truncated one', () => {
    const keyFile = path.join(tmp, 'loose.key');
    readOrCreateMasterKey(keyFile);
    fs.chmodSync(keyFile, 0o644);
    readOrCreateMasterKey(keyFile);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    fs.writeFileSync(keyFile, 'short\n');
    expect(() => readOrCreateMasterKey(keyFile)).toThrow(/shorter than 32/);
  });
});

describe('the managed server', () => {
  it('starts on 127.0.0.1, requires the key, logs to a file, restarts after a crash and stops', async () => {
    const dataDir = path.join(tmp, 'data');
    const server = await startManagedMeilisearch({
      dataDir,
      logDir: path.join(dataDir, 'logs'),
      keyFile: path.join(dataDir, 'meili-master.key'),
      maxIndexingThreads: 1,
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(fs.existsSync(path.join(dataDir, 'meili'))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'logs', 'meilisearch.log'))).toBe(true);
      expect(fs.statSync(path.join(dataDir, 'meili-master.key')).mode & 0o777).toBe(0o600);
      expect((await fetch(`${server.url}/indexes`)).status).toBe(401);
      const authorised = await fetch(`${server.url}/indexes`, {
        headers: { Authorization: `Bearer ${server.apiKey}` },
      });
      expect(authorised.status).toBe(200);
      expect(readLiveInstance(dataDir)).toMatchObject({
        pid: server.pid,
        url: server.url,
        ownerPid: process.pid,
      });

      const exits: ExitInfo[] = [];
      server.onExit((info) => exits.push(info));
      const crashed = new Promise<void>((resolve) => server.onExit(() => resolve()));
      process.kill(server.pid, 'SIGKILL');
      await crashed;
      expect(exits[0]).toMatchObject({ signal: 'SIGKILL', expected: false });
      expect(server.running).toBe(false);

      await server.restart();
      expect(server.running).toBe(true);
      expect((await fetch(`${server.url}/health`)).ok).toBe(true);
    } finally {
      await server.stop();
    }
    expect(server.running).toBe(false);
    expect(readLiveInstance(dataDir)).toBeNull();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
  it('cleans up a server orphaned by a crashed app before starting again', async () => {
    const dataDir = path.join(tmp, 'orphan');
    const options = {
      dataDir,
      logDir: path.join(dataDir, 'logs'),
      keyFile: path.join(dataDir, 'k.key'),
      maxIndexingThreads: 1,
    };
    const first = await startManagedMeilisearch(options);
    const orphanPid = first.pid;
    // Pretend its owner died: the record names a process that no longer exists.
    const file = path.join(dataDir, 'meili-instance.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), ownerPid: 2 ** 22 + 1 }),
    );
    const second = await startManagedMeilisearch(options);
    try {
      expect(second.pid).not.toBe(orphanPid);
      expect(() => process.kill(orphanPid, 0)).toThrow();
    } finally {
      await second.stop();
      await first.stop();
    }
  });
  it('refuses to start while another live process owns the data directory', async () => {
    const dataDir = path.join(tmp, 'owned');
    const options = {
      dataDir,
      logDir: path.join(dataDir, 'logs'),
      keyFile: path.join(dataDir, 'k.key'),
      maxIndexingThreads: 1,
    };
    const first = await startManagedMeilisearch(options);
    const file = path.join(dataDir, 'meili-instance.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), ownerPid: process.ppid }),
    );
    try {
      await expect(startManagedMeilisearch(options)).rejects.toThrow(/already running/);
    } finally {
      await first.stop();
    }
  });
});
