import { describe, expect, it } from 'vitest';
import { loadActor } from '~/accounts/index.server';
import { cooperativeLedger, listIncomingOrders } from '~/orders/index.server';
import { FormClient } from '../helpers/browser-less';
import { useWorkspace } from '../helpers/workspace';

// Issue 17, decision 017: a community digital technology team (tổ công nghệ số cộng đồng) member whom
// a cooperative owner invites lists and edits for the cooperative, under their own name in the audit
// log, and the trade office sees which teams helped which cooperatives.
const w = useWorkspace();
const plain = async (response: Response) =>
  (await response.text()).replaceAll('<!-- -->', '').replaceAll('&#x27;', "'");
const HELPER = 'Vàng Thị Số';
const helper = () => clients.helper;
const clients = {} as { helper: FormClient; officer: FormClient; laoCai: FormClient };
let helperListing = 0;

async function helperUserId() {
  return (
    await w.data.db
      .selectFrom('users')
      .select('id')
      .where('phone', '=', '+84933222111')
      .executeTakeFirstOrThrow()
  ).id;
}

describe('inviting a helper', () => {
  it('refuses a bad phone and writes no invitation', async () => {
    const bad = await w.farmerA.post(`/kenh-nguoi-ban/to-chuc/${w.orgA}`, {
      intent: 'invite',
      identifier: '12ab',
      role: 'helper',
    });
    expect(bad.status).toBe(400);
    expect(
      await w.data.db
        .selectFrom('organization_invitations')
        .select('id')
        .where('role', '=', 'helper')
        .execute(),
    ).toHaveLength(0);
  });

  it('is invited by the owner and becomes a helper member when signing up', async () => {
    const invited = await w.farmerA.post(`/kenh-nguoi-ban/to-chuc/${w.orgA}`, {
      intent: 'invite',
      identifier: '0933 222 111',
      role: 'helper',
    });
    expect(invited.status).toBe(200);
    expect(await plain(invited)).toContain('Đã gửi lời mời');
    clients.helper = new FormClient(w.server.url);
    const signedUp = await helper().post('/dang-ky', {
      displayName: HELPER,
      identifier: '0933222111',
      password: 'mat-khau-rat-dai',
    });
    expect(signedUp.status).toBe(302);
    const membership = await w.data.db
      .selectFrom('organization_members')
      .select(['organization_id', 'role'])
      .where('user_id', '=', await helperUserId())
      .execute();
    expect(membership).toEqual([{ organization_id: w.orgA, role: 'helper' }]);
    const page = await plain(await w.farmerA.get(`/kenh-nguoi-ban/to-chuc/${w.orgA}`));
    expect(page).toContain('tổ công nghệ số');
  });
});

describe('a helper at work', () => {
  it('creates and edits a listing and its stock, audited under the helper’s own name', async () => {
    const created = await helper().post(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${w.orgA}`, {
      name: 'Mật ong bạc hà tổ giúp',
      group: 'food',
      unit: 'hũ',
      priceVnd: '150.000',
      category: 'Mật ong',
    });
    expect(created.status).toBe(302);
    helperListing = Number(created.headers.get('location')?.split('/').pop());
    const saved = await helper().post(`/kenh-nguoi-ban/san-pham/${helperListing}`, {
      intent: 'basics',
      name: 'Mật ong bạc hà Mèo Vạc',
      group: 'food',
      category: 'Mật ong',
    });
    expect(saved.status).toBeLessThan(400);
    const stock = await helper().post(`/kenh-nguoi-ban/san-pham/${w.productA}`, {
      intent: 'stock',
      delta: '+20',
      reason: 'Nhập hộ hợp tác xã',
    });
    expect(stock.status).toBe(200);
    const rows = await w.data.db
      .selectFrom('audit_log')
      .select(['entity_type', 'entity_id', 'action'])
      .where('actor_user_id', '=', await helperUserId())
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { entity_type: 'product', entity_id: helperListing, action: 'created' },
      { entity_type: 'product', entity_id: helperListing, action: 'updated' },
      { entity_type: 'stock', entity_id: w.productA, action: 'adjusted' },
    ]);
    const ownerPage = await plain(await w.farmerA.get(`/kenh-nguoi-ban/to-chuc/${w.orgA}`));
    expect(ownerPage).toContain(`${HELPER} (tổ công nghệ số)`);
    // The owner's own changes are not labelled as a helper's.
    expect(ownerPage).not.toContain('Lò Thị Mai (tổ công nghệ số)');
  });

  it('may not read the audit log, invite or remove members, or change the logo', async () => {
    const page = await helper().get(`/kenh-nguoi-ban/to-chuc/${w.orgA}`);
    expect(page.status).toBe(200);
    expect(await plain(page)).not.toContain('Nhật ký thay đổi');
    const invite = await helper().post(`/kenh-nguoi-ban/to-chuc/${w.orgA}`, {
      intent: 'invite',
      identifier: '0933 444 555',
      role: 'owner',
    });
    expect(invite.status).toBe(403);
    const owner = await w.data.db
      .selectFrom('organization_members')
      .select('user_id')
      .where('organization_id', '=', w.orgA)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    const remove = await helper().post(`/kenh-nguoi-ban/to-chuc/${w.orgA}`, {
      intent: 'remove',
      userId: String(owner.user_id),
    });
    expect(remove.status).toBe(403);
    expect(
      await w.data.db
        .selectFrom('organization_invitations')
        .select('id')
        .where('identifier', '=', '+84933444555')
        .execute(),
    ).toHaveLength(0);
    const stillOwner = await w.data.db
      .selectFrom('organization_members')
      .select('role')
      .where('organization_id', '=', w.orgA)
      .where('user_id', '=', owner.user_id)
      .executeTakeFirst();
    expect(stillOwner?.role).toBe('owner');
  });

  it('is refused the cooperative’s orders and money in the domain, and not offered them', async () => {
    const actor = (await loadActor(w.data.db, await helperUserId()))!;
    await expect(cooperativeLedger(w.data.db, actor, w.orgA)).rejects.toMatchObject({
      status: 403,
    });
    await expect(listIncomingOrders(w.data.db, actor, w.orgA, 'todo')).rejects.toMatchObject({
      status: 403,
    });
    const ledger = await plain(await helper().get(`/kenh-nguoi-ban/so-du?to-chuc=${w.orgA}`));
    expect(ledger).not.toContain('HTX Thử nghiệm A');
  });

  it('gets a 404 for another cooperative, as any stranger does', async () => {
    const orgB = (
      await w.data.db
        .selectFrom('organizations')
        .select('id')
        .where('name', '=', 'HTX Thử nghiệm B')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await helper().get(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${orgB}`)).status).toBe(404);
    const before = await w.countRows('products');
    const create = await helper().post(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${orgB}`, {
      name: 'Chen ngang',
      group: 'food',
      unit: 'gói',
      priceVnd: '1000',
    });
    expect(create.status).toBe(404);
    expect(await w.countRows('products')).toBe(before);
    expect((await w.farmerB.get(`/kenh-nguoi-ban/san-pham/${helperListing}`)).status).toBe(404);
  });
});

describe('the trade office view of the teams', () => {
  it('lists, for the officer’s province, which helper worked for which cooperative', async () => {
    clients.officer = new FormClient(w.server.url);
    await clients.officer.post('/dang-nhap', {
      identifier: 'socongthuong.laichau@chophien.test',
      password: 'chophien-officer-demo',
    });
    const dashboard = await plain(await clients.officer.get('/so-cong-thuong'));
    expect(dashboard).toContain('href="/so-cong-thuong/to-cong-nghe-so?tinh=12"');
    const response = await clients.officer.get('/so-cong-thuong/to-cong-nghe-so');
    expect(response.status).toBe(200);
    const page = await plain(response);
    expect(page).toContain('1 tài khoản tổ công nghệ số đã làm việc cho 1 hợp tác xã.');
    const row = page.slice(page.indexOf(`<td>${HELPER}</td>`));
    expect(row).toMatch(
      new RegExp(`^<td>${HELPER}</td><td>HTX Thử nghiệm A</td><td>1</td><td>2</td>`),
    );
  });

  it('refuses an officer of another province and a cooperative owner', async () => {
    clients.laoCai = new FormClient(w.server.url);
    await clients.laoCai.post('/dang-nhap', {
      identifier: 'socongthuong.laocai@chophien.test',
      password: 'chophien-officer-demo',
    });
    expect((await clients.laoCai.get('/so-cong-thuong/to-cong-nghe-so?tinh=12')).status).toBe(403);
    const own = await plain(await clients.laoCai.get('/so-cong-thuong/to-cong-nghe-so'));
    expect(own).not.toContain(HELPER);
    expect(own).toContain('Chưa có tổ công nghệ số nào');
    expect((await w.farmerA.get('/so-cong-thuong/to-cong-nghe-so?tinh=12')).status).toBe(403);
    expect((await helper().get('/so-cong-thuong/to-cong-nghe-so?tinh=12')).status).toBe(403);
  });
});
