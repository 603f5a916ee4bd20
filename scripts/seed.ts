import path from 'node:path';
import { seedDatabase } from '~/catalogue/index.server';
import { openForScript } from './lib/open';

const { config, db } = await openForScript();
const report = await seedDatabase(db, {
  demo: config.seedDemo,
  uploadsDir: config.uploadsDir,
  seedsDir: path.resolve('seeds'),
});
console.log(JSON.stringify(report));
await db.destroy();
