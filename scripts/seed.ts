import path from 'node:path';
import { seedDemo } from '~/demo/index.server';
import { openForScript } from './lib/open';

const { config, db } = await openForScript();
const report = await seedDemo(db, {
  demo: config.seedDemo,
  uploadsDir: config.uploadsDir,
  seedsDir: path.resolve('seeds'),
});
console.log(JSON.stringify(report));
await db.destroy();
