import fs from 'node:fs';
import path from 'node:path';

/**
 * `<dataDir>/meili-instance.json` records the managed server of a data directory: its pid, URL and the
 * node process that owns it. Scripts (`npm run worker`, `npm run reindex`) find the running server there,
 * and a new start can clean up a server orphaned by a crashed app (it would hold the database lock).
 */
export interface InstanceRecord {
  pid: number;
  ownerPid: number;
  url: string;
  dbPath: string;
  startedAt: string;
}

const fileOf = (dataDir: string) => path.join(dataDir, 'meili-instance.json');

export function writeInstanceFile(
  dataDir: string,
  record: { pid: number; url: string; dbPath: string },
): void {
  const full: InstanceRecord = {
    ...record,
    ownerPid: process.pid,
    startedAt: new Date().toISOString(),
  };
  fs.writeFileSync(fileOf(dataDir), `${JSON.stringify(full)}\n`, { mode: 0o600 });
}

export function clearInstanceFile(dataDir: string, pid: number | undefined): void {
  const record = readRecord(dataDir);
  if (record && record.pid === pid) fs.rmSync(fileOf(dataDir), { force: true });
}

/** The running managed server of this data directory, if its process is alive. */
export function readLiveInstance(dataDir: string): InstanceRecord | null {
  const record = readRecord(dataDir);
  return record && isMeilisearchProcess(record.pid, record.dbPath) ? record : null;
}

export async function killOrphanedInstance(dataDir: string, dbPath: string): Promise<void> {
  const record = readRecord(dataDir);
  if (!record || !isMeilisearchProcess(record.pid, dbPath)) return;
  if (record.ownerPid !== process.pid && isAlive(record.ownerPid)) {
    throw new Error(
      `Meilisearch for ${dataDir} is already running (pid ${record.pid}, started by process ${record.ownerPid}). ` +
        `Stop that process first, or point MEILISEARCH_URL at ${record.url}.`,
    );
  }
  process.kill(record.pid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (isAlive(record.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(record.pid)) process.kill(record.pid, 'SIGKILL');
  fs.rmSync(fileOf(dataDir), { force: true });
}

function readRecord(dataDir: string): InstanceRecord | null {
  try {
    return JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')) as InstanceRecord;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Checks /proc so a recycled pid belonging to another program is never signalled. */
function isMeilisearchProcess(pid: number, dbPath: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.includes('--db-path') && cmdline.includes(dbPath);
  } catch {
    return false;
  }
}
