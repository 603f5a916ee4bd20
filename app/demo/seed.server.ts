import type { DB } from '~db/connection.server';
import { seedDatabase, type SeedReport } from '~/catalogue/index.server';
import { seedDemoBatches } from '~/traceability/index.server';
import { seedDemoHelper } from './helpers.server';
import { seedDemoRegister } from './register.server';
import { seedDemoOrders } from './orders.server';

export interface DemoSeedOptions {
  /** false (SEED_DEMO=false in production): reference data only. */
  demo: boolean;
  uploadsDir: string;
  seedsDir: string;
  /**
   * false: the catalogue without the demo's history — past orders and reviews, a digital technology
   * team's work (the tests' template).
   */
  orders?: boolean;
  now?: Date;
}

/**
 * What `npm start` and `npm run seed` load: the 2025 administrative units, then — once — the demo
 * catalogue with its accounts, then the traceability batches of its products. The demo spans several
 * domains, so it is put together here, above them, rather than by one domain calling another.
 */
export async function seedDemo(db: DB, options: DemoSeedOptions): Promise<SeedReport> {
  const now = options.now ?? new Date();
  const report = await seedDatabase(db, { ...options, now });
  if (report.demo === 'seeded') await seedDemoBatches(db, now);
  if (report.demo === 'seeded') await seedDemoRegister(db, now);
  if (report.demo === 'seeded' && options.orders !== false) {
    await seedDemoOrders(db, now);
    await seedDemoHelper(db, now);
  }
  return report;
}
