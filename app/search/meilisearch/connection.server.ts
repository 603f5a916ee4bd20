import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '~/lib/config.server';
import { readLiveInstance } from './instance-file.server';
import { startManagedMeilisearch, type ManagedMeilisearchOptions } from './process.server';

/** Where the app keeps its managed Meilisearch: data in data/meili/, key in data/, log in data/logs/. */
export function managedMeilisearchOptions(config: Config): ManagedMeilisearchOptions {
  return {
    dataDir: config.dataDir,
    logDir: config.logDir,
    keyFile: path.join(config.dataDir, 'meili-master.key'),
    bin: config.search.meilisearchBin,
  };
}

export interface MeilisearchConnection {
  url: string;
  apiKey: string;
  /** operator: MEILISEARCH_URL; app: the running app's managed server; started: one we started (stop it). */
  source: 'operator' | 'app' | 'started';
  stop(): Promise<void>;
}

/**
 * For scripts (worker, reindex): the operator's server if configured, else the managed server the app
 * is running for this data directory, else (when `startIfNeeded`) a managed server of our own; null
 * when there is none and we may not start one.
 */
export async function connectMeilisearch(
  config: Config,
  options: { startIfNeeded: boolean },
): Promise<MeilisearchConnection | null> {
  if (config.search.meilisearchUrl) {
    return {
      url: config.search.meilisearchUrl,
      apiKey: config.search.meilisearchApiKey ?? '',
      source: 'operator',
      stop: async () => {},
    };
  }
  const managed = managedMeilisearchOptions(config);
  const live = readLiveInstance(config.dataDir);
  if (live && fs.existsSync(managed.keyFile)) {
    return {
      url: live.url,
      apiKey: fs.readFileSync(managed.keyFile, 'utf8').trim(),
      source: 'app',
      stop: async () => {},
    };
  }
  if (!options.startIfNeeded) return null;
  const server = await startManagedMeilisearch(managed);
  return { url: server.url, apiKey: server.apiKey, source: 'started', stop: () => server.stop() };
}
