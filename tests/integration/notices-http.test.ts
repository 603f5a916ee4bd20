import { beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import { useWorkspace } from '../helpers/workspace';

// Issue 17 leftovers over HTTP: the trade office's decision on a registration reaches the cooperative
// as a notice; the account menu counts the unread ones; the notices page marks them read (its own
// POST once shown, or "mark all read" without JavaScript), same-site only.
const w = useWorkspace();
const plain = async (response: Response) =>
  (await response.text()).replaceAll('<!-- -->', '').replaceAll('&#x27;', "'");
const NOTICES = '/kenh-nguoi-ban/thong-bao';
let officer: FormClient;
const badge = (html: string) => /data-testid="notice-count">([^<]+)</.exec(html)?.[1] ?? null;

beforeAll(async () => {
  officer = new FormClient(w.server.url);
  expect(
    (
      await officer.post('/dang-nhap', {
        identifier: 'socongthuong.laichau@chophien.test',
        password: 'chophien-officer-demo',
      })
    ).status,
  ).toBe(302);
});

const decide = (decision: string, reason = '') =>
  officer.post('/duyet', { intent: 'organization', id: String(w.orgA), decision, reason });

describe('notices over HTTP', () => {
  it('shows a new notice, counted on the menu, when the registration is sent back then approved', async () => {
    expect(badge(await plain(await w.farmerA.get('/kenh-nguoi-ban')))).toBeNull();
    expect((await decide('request_changes', 'Thiếu mã số thuế')).status).toBe(200);
    expect((await decide('approve')).status).toBe(200);
    const home = await plain(await w.farmerA.get('/kenh-nguoi-ban'));
    expect(badge(home)).toBe('2');
    expect(home).toContain('Sở Công Thương đã duyệt đăng ký “HTX Thử nghiệm A”');
    expect(home).toContain('Ghi chú của cán bộ: Thiếu mã số thuế');
    const page = await plain(await w.farmerA.get(NOTICES));
    expect(page).toContain('2 thông báo chưa đọc');
    expect(page.match(/>Mới</g)).toHaveLength(2);
    // B is not told about A's registration.
    expect(badge(await plain(await w.farmerB.get('/kenh-nguoi-ban')))).toBeNull();
    expect(await plain(await w.farmerB.get(NOTICES))).toContain('Chưa có thông báo nào.');
  });

  it('marks as read what the page showed, refusing a cross-site post and a bad form', async () => {
    const newest = await w.data.db
      .selectFrom('notices')
      .select('id')
      .where('organization_id', '=', w.orgA)
      .orderBy('id', 'desc')
      .execute();
    const crossSite = await w.farmerA.post(
      NOTICES,
      { intent: 'read-all' },
      { Origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect((await w.farmerA.post(NOTICES, { intent: 'seen', upTo: 'x' })).status).toBe(400);
    expect((await w.farmerA.post(NOTICES, { intent: 'forget' })).status).toBe(400);
    expect(badge(await plain(await w.farmerA.get('/kenh-nguoi-ban')))).toBe('2');

    const seen = await w.farmerA.post(NOTICES, { intent: 'seen', upTo: String(newest[1]!.id) });
    expect(seen.status).toBe(200);
    expect(badge(await plain(await w.farmerA.get('/kenh-nguoi-ban')))).toBe('1');
    const all = await w.farmerA.post(NOTICES, { intent: 'read-all' });
    expect(all.status).toBe(200);
    const answer = await plain(all);
    expect(answer).toContain('Đã đánh dấu đã đọc tất cả thông báo.');
    expect(badge(answer)).toBeNull();
    expect(await plain(await w.farmerA.get(NOTICES))).not.toContain('>Mới<');
  });

  it('a rejection is a new unread notice again; B marking all read changes nothing for A', async () => {
    expect((await decide('reject', 'Không phải hợp tác xã')).status).toBe(200);
    expect((await w.farmerB.post(NOTICES, { intent: 'read-all' })).status).toBe(200);
    const page = await plain(await w.farmerA.get(NOTICES));
    expect(badge(page)).toBe('1');
    expect(page).toContain('Sở Công Thương không duyệt đăng ký “HTX Thử nghiệm A”.');
  });

  it('sends a signed-out visitor to sign in', async () => {
    const response = await new FormClient(w.server.url).get(NOTICES);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain('/dang-nhap?redirectTo=');
  });
});
