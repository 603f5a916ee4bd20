import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '~/accounts';
import { loadActor } from '~/accounts/index.server';
import { changeListingStatus, listNotices, reviewOcopClaim } from '~/catalogue/index.server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// Issue 17: a cooperative heard nothing when the trade office decided on its listing or OCOP claim.
let data: TestData;
let officer: Actor;
let owner: Actor;
let otherOwner: Actor;
let productId: number;
const OWNER_EMAIL = 'htx-che-tam-duong@chophien.test';

const actorByEmail = async (email: string) => {
  const user = await data.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return (await loadActor(data.db, user.id))!;
};
const outboxTo = (to: string) =>
  data.db
    .selectFrom('email_outbox')
    .select(['subject', 'body_text'])
    .where('to_address', '=', to)
    .orderBy('id')
    .execute();
const submit = () =>
  data.db
    .updateTable('products')
    .set({ status: 'submitted', submitted_at: new Date().toISOString() })
    .where('id', '=', productId)
    .execute();

beforeAll(async () => {
  data = copyTemplateDatabase();
  officer = await actorByEmail('socongthuong.laichau@chophien.test');
  owner = await actorByEmail(OWNER_EMAIL);
  otherOwner = await actorByEmail('htx-nong-san-sin-ho@chophien.test');
  const product = await data.db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select('p.id')
    .where('o.slug', '=', 'htx-che-tam-duong')
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
  productId = product.id;
});
afterAll(async () => {
  await data?.cleanup();
});

describe('notices of the trade office decisions', () => {
  it('tells the cooperative in its seller area and by e-mail when a listing is approved', async () => {
    await submit();
    await changeListingStatus(data.db, officer, productId, 'approve');
    const [notice] = await listNotices(data.db, owner);
    expect(notice!.headline.vi).toMatch(/^Sở Công Thương đã duyệt sản phẩm “.+”/);
    expect(notice!.headline.en).toMatch(/^The trade office approved/);
    expect(notice!.note).toBeNull();
    expect(notice!.productId).toBe(productId);
    const [mail] = await outboxTo(OWNER_EMAIL);
    expect(mail!.subject).toMatch(/^Chợ Phiên: Sở Công Thương đã duyệt/);
    expect(mail!.body_text).toContain(`/kenh-nguoi-ban/san-pham/${productId}`);
    expect(mail!.body_text).toContain('The trade office approved');
  });

  it('carries the officer’s reason when a listing is sent back or rejected', async () => {
    await submit();
    await changeListingStatus(data.db, officer, productId, 'request_changes', 'Thiếu ảnh nhãn');
    await submit();
    await changeListingStatus(data.db, officer, productId, 'reject', 'Không phải sản phẩm OCOP');
    const [rejected, sentBack] = await listNotices(data.db, owner);
    expect(rejected!.headline.vi).toMatch(/không duyệt sản phẩm/);
    expect(rejected!.note!.vi).toBe('Ghi chú của cán bộ: Không phải sản phẩm OCOP');
    expect(sentBack!.headline.vi).toMatch(/trả lại sản phẩm .* để bổ sung/);
    expect(sentBack!.note!.en).toBe('The officer’s note: Thiếu ảnh nhãn');
    expect(await outboxTo(OWNER_EMAIL)).toHaveLength(3);
  });

  it('tells the cooperative about its OCOP claim', async () => {
    await data.db
      .updateTable('ocop_certificates')
      .set({ review_state: 'pending' })
      .where('product_id', '=', productId)
      .execute();
    await reviewOcopClaim(data.db, officer, productId, 'request_changes', 'Bản chụp bị mờ');
    const [notice] = await listNotices(data.db, owner);
    expect(notice!.headline.vi).toMatch(/cần bổ sung chứng nhận OCOP/);
    expect(notice!.note!.vi).toContain('Bản chụp bị mờ');
  });

  it('writes nothing for a refused decision and shows nothing to another cooperative', async () => {
    const before = (await listNotices(data.db, owner, 100)).length;
    const mails = (await outboxTo(OWNER_EMAIL)).length;
    await submit();
    await expect(
      changeListingStatus(data.db, officer, productId, 'reject', '  '),
    ).rejects.toThrow();
    await expect(changeListingStatus(data.db, owner, productId, 'approve')).rejects.toThrow();
    expect(await listNotices(data.db, owner, 100)).toHaveLength(before);
    expect(await outboxTo(OWNER_EMAIL)).toHaveLength(mails);
    expect(await listNotices(data.db, otherOwner)).toEqual([]);
  });
});
