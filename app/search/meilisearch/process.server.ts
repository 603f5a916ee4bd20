import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { prepareMeilisearchBinary } from './binary.server';
import { readOrCreateMasterKey } from './master-key.server';
import { clearInstanceFile, killOrphanedInstance, writeInstanceFile } from './instance-file.server';

export interface ManagedMeilisearchOptions {
  dataDir: string;
  logDir: string;
  keyFile: string;
  /** MEILISEARCH_BIN; otherwise the pinned package's binary (hash-checked). */
  bin?: string | null;
  startTimeoutMs?: number;
  stopGraceMs?: number;
  /** Meilisearch log level; WARN by default because INFO logs every search request. */
  logLevel?: 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  maxIndexingThreads?: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when stop() asked for it. */
  expected: boolean;
}

export interface ManagedMeilisearch {
  readonly url: string;
  readonly apiKey: string;
  /** Process id of the current child (changes on restart). */
  readonly pid: number;
  readonly running: boolean;
  stop(): Promise<void>;
  /** Starts the server again on the same port (after a crash, or to apply a new binary). */
  restart(): Promise<void>;
  onExit(listener: (info: ExitInfo) => void): () => void;
}

export async function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs Meilisearch as a child process bound to 127.0.0.1 on a free port, data in `<dataDir>/meili`,
 * log appended to `<logDir>/meilisearch.log`. Resolves once GET /health answers.
 * The master key travels in the environment, not argv, so `ps` does not show it.
 */
export async function startManagedMeilisearch(
  options: ManagedMeilisearchOptions,
): Promise<ManagedMeilisearch> {
  const binary = await prepareMeilisearchBinary({ bin: options.bin });
  const apiKey = readOrCreateMasterKey(options.keyFile);
  const dbPath = path.join(options.dataDir, 'meili');
  fs.mkdirSync(dbPath, { recursive: true });
  fs.mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, 'meilisearch.log');
  await killOrphanedInstance(options.dataDir, dbPath);

  const port = await freeLocalPort();
  const url = `http://127.0.0.1:${port}`;
  const listeners = new Set<(info: ExitInfo) => void>();
  let child: ChildProcess | null = null;
  let stopping = false;

  async function launch(): Promise<void> {
    const log = fs.openSync(logFile, 'a');
    // Only our flags configure it: MEILI_* variables in the app's environment must not change its settings.
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('MEILI_')) delete env[key];
    env.MEILI_MASTER_KEY = apiKey;
    const args = [
      '--http-addr',
      `127.0.0.1:${port}`,
      '--db-path',
      dbPath,
      '--dump-dir',
      path.join(options.dataDir, 'meili-dumps'),
      '--snapshot-dir',
      path.join(options.dataDir, 'meili-snapshots'),
      '--env',
      'production',
      '--no-analytics',
      '--log-level',
      options.logLevel ?? 'WARN',
    ];
    if (options.maxIndexingThreads)
      args.push('--max-indexing-threads', String(options.maxIndexingThreads));
    // cwd = dataDir so Meilisearch never picks up a stray ./config.toml from wherever the app was started.
    const started = spawn(binary, args, { cwd: options.dataDir, env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    child = started;
    stopping = false;
    started.once('exit', (code, signal) => {
      if (child === started) child = null;
      clearInstanceFile(options.dataDir, started.pid);
      for (const listener of listeners) listener({ code, signal, expected: stopping });
    });
    await new Promise<void>((resolve, reject) => {
      started.once('spawn', resolve);
      started.once('error', reject);
    });
    writeInstanceFile(options.dataDir, { pid: started.pid!, url, dbPath });
    await waitForHealth(url, started, options.startTimeoutMs ?? 20_000, logFile);
  }

  async function stop(): Promise<void> {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    stopping = true;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill('SIGTERM');
    const timer = setTimeout(() => current.kill('SIGKILL'), options.stopGraceMs ?? 5_000);
    await exited;
    clearTimeout(timer);
  }

  // Best effort: a Meilisearch left behind by a crashed app holds the database lock.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  await launch();
  return {
    url,
    apiKey,
    get pid() {
      return child?.pid ?? -1;
    },
    get running() {
      return child !== null;
    },
    async stop() {
      await stop();
      process.off('exit', killOnExit);
    },
    async restart() {
      await stop();
      await launch();
    },
    onExit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `Meilisearch exited during start-up (${child.exitCode ?? child.signalCode}). Last log lines:\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `Meilisearch did not answer ${url}/health within ${timeoutMs / 1000} s. Last log lines:\n${tail(logFile)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
