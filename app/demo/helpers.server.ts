import type { DB } from '~db/connection.server';
import { loadActor, signUp } from '~/accounts/index.server';
import { adjustStock, createListing, inviteMember, updateListing } from '~/catalogue/index.server';

export const DEMO_HELPER = {
  identifier: 'to-cns.tamduong@chophien.test',
  name: 'Tổ công nghệ số xã Tam Đường',
  password: 'chophien-helper-demo',
};
const COOPERATIVE = 'htx-che-tam-duong';
const DAY = 24 * 3_600_000;

/**
 * The demo's digital technology team (decision 017), so the trade office's
 * /so-cong-thuong/to-cong-nghe-so has a row on `npm start`: the Tam Đường tea cooperative's owner
 * invites the commune team, whose member signs up (taking the invitation), lists a new product, edits
 * an existing one and records a harvest, all through the domain functions, audited under the helper.
 */
export async function seedDemoHelper(db: DB, now = new Date()): Promise<void> {
  const org = await db
    .selectFrom('organizations as o')
    .innerJoin('organization_members as m', 'm.organization_id', 'o.id')
    .select(['o.id', 'm.user_id'])
    .where('o.slug', '=', COOPERATIVE)
    .where('m.role', '=', 'owner')
    .executeTakeFirst();
  if (!org) return;
  const owner = await loadActor(db, org.user_id);
  if (!owner) return;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  await inviteMember(
    db,
    owner,
    org.id,
    { identifier: DEMO_HELPER.identifier, role: 'helper', baseUrl: '' },
    at(40),
  );
  const userId = await signUp(
    db,
    {
      identifier: DEMO_HELPER.identifier,
      displayName: DEMO_HELPER.name,
      password: DEMO_HELPER.password,
    },
    at(39),
  );
  const helper = await loadActor(db, userId);
  if (!helper) return;
  const existing = await db
    .selectFrom('products')
    .select(['id', 'description'])
    .where('organization_id', '=', org.id)
    .orderBy('id')
    .executeTakeFirst();
  await createListing(
    db,
    helper,
    org.id,
    {
      name: 'Chè xanh Tam Đường túi lọc',
      description: 'Chè xanh búp của hợp tác xã, đóng túi lọc 2 g, hộp 25 túi.',
      group: 'beverage',
      category: 'Chè',
      unit: 'hộp',
      netQuantity: '50 g',
      weightG: 120,
      priceVnd: 65_000,
      gtin: null,
      originCommuneCode: null,
      certifications: [],
    },
    at(38),
  );
  if (existing) {
    await updateListing(
      db,
      helper,
      existing.id,
      {
        description:
          `${existing.description}\n\nẢnh và mô tả do tổ công nghệ số xã cập nhật.`.trim(),
      },
      at(30),
    );
    await adjustStock(
      db,
      helper,
      existing.id,
      40,
      'Thu hoạch vụ xuân (tổ công nghệ số nhập hộ)',
      at(30),
    );
  }
}
