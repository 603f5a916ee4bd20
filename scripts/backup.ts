import fs from 'node:fs';
import path from 'node:path';
import { openForScript } from './lib/open';

// SQLite's online backup API copies a consistent snapshot while the app keeps serving and writing.
const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run backup -- path/to/backup.sqlite');
  process.exit(2);
}
const destination = path.resolve(target);
if (fs.existsSync(destination)) {
  console.error(`Refusing to overwrite ${destination}: choose a new file name.`);
  process.exit(2);
}
fs.mkdirSync(path.dirname(destination), { recursive: true });
const { sqlite, db, config } = await openForScript();
if (!sqlite) {
  console.error(
    'DATABASE_URL is set: back PostgreSQL up with pg_dump or pg_basebackup + WAL archiving (docs/deploy.md).',
  );
  await db.destroy();
  process.exit(2);
}
const started = Date.now();
await sqlite.backup(destination);
const size = fs.statSync(destination).size;
console.log(
  `Backed up ${config.databasePath} to ${destination} (${(size / 1024 / 1024).toFixed(1)} MiB) in ${Date.now() - started} ms.`,
);
console.log(`Uploaded images live in ${config.uploadsDir}: copy that folder too (e.g. rsync -a).`);
await db.destroy();
