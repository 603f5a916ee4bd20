import fs from 'node:fs/promises';
import path from 'node:path';
import { applyImport, checkImport, seedDatabase } from '~/catalogue/index.server';
import { openForScript } from './lib/open';

const file = process.argv[2];
if (!file) {
  console.error('Cách dùng / usage: npm run import -- path/to/file.csv');
  process.exit(2);
}
const { config, db } = await openForScript();
// Reference data must be there to match provinces and communes; demo data is not needed.
await seedDatabase(db, {
  demo: false,
  uploadsDir: config.uploadsDir,
  seedsDir: path.resolve('seeds'),
});

let text: string;
try {
  text = await fs.readFile(file, 'utf8');
} catch {
  console.error(`Không mở được tệp / cannot open the file: ${file}`);
  process.exit(2);
}
const check = await checkImport(db, text, { baseDir: path.dirname(path.resolve(file)) });
if (!check.ok) {
  console.error(
    `Không nhập gì cả: tệp có ${check.errors.length} lỗi / nothing was imported: the file has ${check.errors.length} error(s).`,
  );
  for (const e of check.errors) {
    console.error(
      `  Dòng/line ${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.message.vi} / ${e.message.en}`,
    );
  }
  await db.destroy();
  process.exit(1);
}
const summary = await applyImport(db, check.plan, { uploadsDir: config.uploadsDir });
console.log(
  `Đã nhập / imported: ${summary.created} mới/new, ${summary.updated} cập nhật/updated, ${summary.unchanged} không đổi/unchanged; ${summary.cooperativesCreated} hợp tác xã mới (chưa xác minh) / new unverified cooperatives.`,
);
await db.destroy();
