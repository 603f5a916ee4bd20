import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '~/accounts';
import { loadActor } from '~/accounts/index.server';
import {
  changeListingStatus,
  countUnreadNotices,
  listNotices,
  markNoticesRead,
  reviewOcopClaim,
  reviewOrganization,
} from '~/catalogue/index.server';
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

describe('notices of the trade office decisions on a registration', () => {
  const orgId = () =>
    data.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', 'htx-che-tam-duong')
      .executeTakeFirstOrThrow()
      .then((o) => o.id);

  it('tells the cooperative when its registration is sent back, rejected or approved', async () => {
    const id = await orgId();
    const mails = (await outboxTo(OWNER_EMAIL)).length;
    await reviewOrganization(data.db, officer, id, {
      approve: false,
      requestChanges: true,
      reason: 'Thiếu giấy phép kinh doanh',
    });
    const [sentBack] = await listNotices(data.db, owner);
    expect(sentBack!.headline.vi).toMatch(/^Sở Công Thương trả lại đăng ký “HTX .+” để bổ sung\.$/);
    expect(sentBack!.note!.vi).toBe('Ghi chú của cán bộ: Thiếu giấy phép kinh doanh');
    expect(sentBack!.productId).toBeNull();
    await reviewOrganization(data.db, officer, id, { approve: false, reason: 'Trùng tổ chức' });
    expect((await listNotices(data.db, owner))[0]!.headline.en).toMatch(
      /^The trade office rejected the registration of/,
    );
    await reviewOrganization(data.db, officer, id, { approve: true });
    const [approved] = await listNotices(data.db, owner);
    expect(approved!.headline.vi).toMatch(/đã duyệt đăng ký .*đã được xác minh/);
    expect(approved!.note).toBeNull();
    const sent = (await outboxTo(OWNER_EMAIL)).slice(mails);
    expect(sent).toHaveLength(3);
    expect(sent[2]!.subject).toMatch(/^Chợ Phiên: Sở Công Thương đã duyệt đăng ký/);
    expect(sent[2]!.body_text).toContain('/kenh-nguoi-ban');
    expect(sent[2]!.body_text).toContain('— English —');
  });

  it('writes nothing when the decision is refused', async () => {
    const id = await orgId();
    const before = (await listNotices(data.db, owner, 100)).length;
    const mails = (await outboxTo(OWNER_EMAIL)).length;
    await expect(
      reviewOrganization(data.db, officer, id, { approve: false, reason: ' ' }),
    ).rejects.toThrow();
    await expect(reviewOrganization(data.db, owner, id, { approve: true })).rejects.toThrow();
    expect(await listNotices(data.db, owner, 100)).toHaveLength(before);
    expect(await outboxTo(OWNER_EMAIL)).toHaveLength(mails);
  });
});

describe('read and unread notices', () => {
  it('counts unread per user, marks up to what was seen, then all, never backwards', async () => {
    const all = await listNotices(data.db, owner, 100);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((n) => n.unread)).toBe(true);
    expect(await countUnreadNotices(data.db, owner)).toBe(all.length);
    expect(await countUnreadNotices(data.db, otherOwner)).toBe(0);

    // Seen up to the third newest: the two above it stay unread.
    const third = all[2]!.id;
    expect(await markNoticesRead(data.db, owner, third)).toBe(2);
    const after = await listNotices(data.db, owner, 100);
    expect(after.map((n) => n.unread)).toEqual(all.map((_, i) => i < 2));
    // An older "seen" does not make read notices unread again.
    expect(await markNoticesRead(data.db, owner, all.at(-1)!.id)).toBe(2);
    expect(await markNoticesRead(data.db, owner, 'all')).toBe(0);
  });

  it('cannot mark notices that do not exist yet, nor another cooperative’s', async () => {
    expect(await markNoticesRead(data.db, otherOwner, 'all')).toBe(0);
    expect(await markNoticesRead(data.db, owner, 1_000_000_000)).toBe(0);
    await submit();
    await changeListingStatus(data.db, officer, productId, 'approve');
    expect(await countUnreadNotices(data.db, owner)).toBe(1);
    const row = await data.db
      .selectFrom('notice_reads')
      .select('last_read_id')
      .where('user_id', '=', owner.userId)
      .executeTakeFirstOrThrow();
    expect(row.last_read_id).toBeLessThan((await listNotices(data.db, owner))[0]!.id);
  });
});
