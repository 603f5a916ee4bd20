import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface TestServer {
  url: string;
  /** The server process, e.g. for benchmarks reading its CPU time. */
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts the real built server (what `npm start` runs) on a free port with the given data directory. */
export async function startTestServer(options: {
  dataDir: string;
  env?: Record<string, string>;
  /** A fixed port (benchmarks use their assigned one); a free one by default. */
  port?: number;
  /** How long the first start (migrations, demo seed) may take; 60 s unless a benchmark says more. */
  startTimeoutMs?: number;
}): Promise<TestServer> {
  if (!fs.existsSync(path.join(ROOT, 'build/app-server/index.js'))) {
    throw new Error('No build found: run `npm run build` first (npm test does it).');
  }
  const port = options.port ?? (await freePort());
  // On the PostgreSQL test project, the data directory names the database copy (see test-db.ts).
  const urlFile = path.join(options.dataDir, 'database-url.test');
  const databaseEnv: Record<string, string> = fs.existsSync(urlFile)
    ? { DATABASE_URL: fs.readFileSync(urlFile, 'utf8').trim(), DATABASE_POOL_SIZE: '5' }
    : {};
  // SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server in benchmarks.
  const nodeArgs = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--enable-source-maps', 'build/app-server/index.js'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: options.dataDir,
        SEARCH_ENGINE: 'sqlite',
        LOG_LEVEL: 'warn',
        // Tests configure VietQR themselves; the demo account would change the default method.
        VIETQR_DEMO: 'false',
        ...databaseEnv,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within ${startTimeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
