import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** Where the compiled production server lands: `npm start` runs `node build/app-server/index.js`. */
export const SERVER_BUNDLE_DIR = 'build/app-server';

/**
 * Compiles server/index.ts (into main.js, started by server/start.ts as index.js) and everything it imports from app/ and db/ into one ES module for Node,
 * and each migration into its own file beside it (the migrator reads a folder of migrations). Packages
 * stay in node_modules. Run at the end of `remix vite:build` (see vite.config.ts), so every build has
 * a server matching its Remix build; `npm run dev` keeps running the sources through tsx.
 */
export async function bundleServer(root: string) {
  const outdir = path.join(root, SERVER_BUNDLE_DIR);
  fs.rmSync(outdir, { recursive: true, force: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    sourcemap: 'linked',
    logLevel: 'warning',
  } as const;
  const migrationsDir = path.join(root, 'db/migrations');
  await Promise.all([
    build({ ...common, entryPoints: ['server/index.ts'], outfile: path.join(outdir, 'main.js') }),
    build({
      ...common,
      entryPoints: ['server/start.ts'],
      outfile: path.join(outdir, 'index.js'),
      external: ['./main.js'],
    }),
    build({
      ...common,
      entryPoints: fs
        .readdirSync(migrationsDir)
        .filter((f) => /^\d{4}_.*\.ts$/.test(f))
        .map((f) => path.join('db/migrations', f)),
      outdir: path.join(outdir, 'migrations'),
    }),
  ]);
}
