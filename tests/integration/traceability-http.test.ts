import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { FormClient } from '../helpers/browser-less';
import { decodePdfQrCodes } from '../helpers/decode-pdf-qr';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';
import { DEMO_PRODUCER_PASSWORD } from '~/catalogue/seed.server';
import { type StampKeyring, signStamp } from '~/traceability/authenticator.server';
import { buildStampUrl } from '~/traceability/digital-link';
import { loadStampKeyring } from '~/traceability/keyring.server';
import { LABEL_LAYOUTS } from '~/traceability/label-layouts';
import { checkStamp, COPY_MAX_NETWORKS, COPY_MAX_SCANS } from '~/traceability/scans.server';
import { stampUrl } from '~/traceability/stamps.server';

let data: TestData;
let server: TestServer;
let keyring: StampKeyring;
const ownerA = () => new FormClient(server.url);
let teaOwner: FormClient;
let ginsengOwner: FormClient;
let gtinProduct: number;
let plainProduct: number;
let batchId: number;
let plainBatchId: number;

const signIn = async (identifier: string, password = DEMO_PRODUCER_PASSWORD) => {
  const client = ownerA();
  expect((await client.post('/dang-nhap', { identifier, password })).status).toBe(302);
  return client;
};
const productId = async (slug: string) =>
  (
    await data.db
      .selectFrom('products')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
  ).id;
const count = async (
  table:
    | 'batches'
    | 'batch_events'
    | 'stamp_issues'
    | 'stamp_revocations'
    | 'stamp_reports'
    | 'email_outbox'
    | 'stamp_scans',
) =>
  Number(
    (
      await data.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const batchOf = async (id: number) => {
  const b = await data.db
    .selectFrom('batches')
    .select(['id', 'gtin', 'lot_code'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id: b.id, gtin: b.gtin, lotCode: b.lot_code };
};
const path = (url: string) => url.slice(new URL(url).origin.length);
const scan = async (url: string) => {
  const response = await fetch(`${server.url}${path(url)}`);
  // Every scan is judged and logged anew: never served from a cache.
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, html: await response.text() };
};
const waitForIssues = async (id: number) => {
  for (let i = 0; i < 200; i++) {
    const pending = await data.db
      .selectFrom('stamp_issues')
      .select('id')
      .where('batch_id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .execute();
    if (!pending.length) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('stamp issue did not finish');
};
const createBatch = async (client: FormClient, product: number, fields: Record<string, string>) =>
  client.post(`/kenh-nguoi-ban/san-pham/${product}/lo-hang`, {
    producedOn: '01/07/2026',
    quantity: '500',
    quantityUnit: 'kg',
    communeCode: '03390',
    ...fields,
  });

beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({ dataDir: data.dataDir });
  keyring = loadStampKeyring({ dataDir: data.dataDir, stamps: { keys: null, currentKeyId: null } });
  teaOwner = await signIn('htx-che-tam-duong@chophien.test');
  ginsengOwner = await signIn('htx-sam-lai-chau-muong-te@chophien.test');
  gtinProduct = await productId('che-xanh-tam-duong');
  plainProduct = await productId('che-o-long-tam-duong');
  const commune = await data.db
    .selectFrom('products')
    .select('origin_commune_code')
    .where('id', '=', gtinProduct)
    .executeTakeFirstOrThrow();
  const created = await createBatch(teaOwner, gtinProduct, {
    lotCode: 'L2026-07',
    expiresOn: '01/07/2030',
    communeCode: commune.origin_commune_code ?? '03390',
    areaName: 'Đồi chè Bản Giang',
    latitude: '22.4',
    longitude: '103.5',
  });
  expect(created.status).toBe(302);
  batchId = Number(created.headers.get('location')!.split('/').pop());
  const plain = await createBatch(teaOwner, plainProduct, { lotCode: 'OL-01' });
  expect(plain.status).toBe(302);
  plainBatchId = Number(plain.headers.get('location')!.split('/').pop());
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

describe('batches and journey', () => {
  it('seeds two demo batches whose journeys the product pages link to, and the EPCIS export has their events', async () => {
    const page = await (await fetch(`${server.url}/san-pham/mat-ong-hoa-bac-ha-sin-ho`)).text();
    const batchPath = /href="(\/lo-hang\/\d+)"/.exec(page)?.[1];
    expect(batchPath).toBeDefined();
    const batchPage = await (await fetch(`${server.url}${batchPath}`)).text();
    expect(batchPage).toContain('MO-2026-10');
    expect(batchPage).toContain('Quay mật từ cầu đã vít nắp.');
    const epcis = (await (
      await fetch(`${server.url}/api/batches/${batchPath!.split('/').pop()}/epcis`)
    ).json()) as { epcisBody: { eventList: unknown[] } };
    expect(epcis.epcisBody.eventList).toHaveLength(5);
  });

  it('stores the GTIN-14 on the batch and lists it on the product page', async () => {
    expect((await batchOf(batchId)).gtin).toBe('08938400000004');
    expect((await batchOf(plainBatchId)).gtin).toBeNull();
    const page = await (await fetch(`${server.url}/san-pham/che-xanh-tam-duong`)).text();
    expect(page).toContain('Truy xuất nguồn gốc');
    expect(page).toContain(`/lo-hang/${batchId}`);
  });

  it('refuses bad batch inputs with Vietnamese messages and writes nothing', async () => {
    const before = await count('batches');
    const accented = await createBatch(teaOwner, gtinProduct, { lotCode: 'Lô 1' });
    expect(accented.status).toBe(400);
    expect(await accented.text()).toContain('Mã lô tối đa 20 ký tự');
    const dates = await createBatch(teaOwner, gtinProduct, {
      lotCode: 'L-X',
      expiresOn: '01/01/2020',
    });
    expect(dates.status).toBe(400);
    expect(await dates.text()).toContain('Hạn sử dụng phải sau ngày sản xuất');
    const gps = await createBatch(teaOwner, gtinProduct, { lotCode: 'L-Y', latitude: '22.4' });
    expect(gps.status).toBe(400);
    expect(await gps.text()).toContain('cả vĩ độ và kinh độ');
    const duplicate = await createBatch(teaOwner, gtinProduct, { lotCode: 'L2026-07' });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain('đã có lô cùng mã');
    expect(await count('batches')).toBe(before);
  });

  it('records events with photos and corrections; the public page shows both', async () => {
    const planting = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
      intent: 'event',
      kind: 'planting',
      date: '01/03/2026',
      place: 'Đồi chè số 2',
    });
    expect(planting.status).toBe(200);
    const photo = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#2f6b3a' },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    for (const [k, v] of Object.entries({
      intent: 'event',
      kind: 'care',
      date: '10/04/2026',
      time: '07:30',
      inputProduct: 'Phân hữu cơ vi sinh',
      dose: '2 kg/sào',
      preHarvestDays: '10',
    }))
      form.set(k, v);
    form.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'care.png');
    expect((await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, form)).status).toBe(200);
    const care = await data.db
      .selectFrom('batch_events')
      .select(['id', 'details'])
      .where('batch_id', '=', batchId)
      .where('kind', '=', 'care')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(care.details)).toEqual({
      inputProduct: 'Phân hữu cơ vi sinh',
      dose: '2 kg/sào',
      preHarvestDays: 10,
    });
    const photos = await data.db
      .selectFrom('batch_event_photos')
      .select('storage_key')
      .where('event_id', '=', care.id)
      .execute();
    expect(photos).toHaveLength(1);
    expect((await fetch(`${server.url}/uploads/${photos[0].storage_key}-320.webp`)).status).toBe(
      200,
    );

    const correction = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
      intent: 'event',
      kind: 'care',
      correctsEventId: String(care.id),
      date: '10/04/2026',
      inputProduct: 'Phân hữu cơ vi sinh',
      dose: '1,5 kg/sào',
      description: 'Ghi nhầm liều lượng',
    });
    expect(correction.status).toBe(200);
    await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
      intent: 'event',
      kind: 'harvest',
      date: '01/07/2026',
    });
    await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
      intent: 'event',
      kind: 'inspection',
      date: '03/07/2026',
      result: 'Đạt: không phát hiện dư lượng thuốc BVTV',
    });

    const html = await (await fetch(`${server.url}/lo-hang/${batchId}`)).text();
    expect(html).toContain('2 kg/sào');
    expect(html).toContain('1,5 kg/sào');
    expect(html).toContain(`Đính chính sự kiện #${care.id}`);
    expect(html).toContain('Đã được đính chính');
    expect(html).toContain('loading="lazy"');
  });

  it('attaches a PDF lab report to an inspection and serves it sandboxed; refuses other files', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const post = (kind: string, file: Buffer, type: string) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({
        intent: 'event',
        kind,
        date: '04/07/2026',
        result: 'Đạt',
      }))
        form.set(k, v);
      form.set('document', new Blob([new Uint8Array(file)], { type }), 'ket-qua.pdf');
      return teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, form);
    };
    const before = await count('batch_events');
    const notPdf = await post('inspection', Buffer.from('MZ not a pdf'), 'application/pdf');
    expect(notPdf.status).toBe(415);
    expect(await notPdf.text()).toContain('Phiếu kết quả phải là tệp PDF');
    const wrongKind = await post('harvest', pdf, 'application/pdf');
    expect(wrongKind.status).toBe(400);
    expect(await count('batch_events')).toBe(before);
    expect((await post('inspection', pdf, 'application/pdf')).status).toBe(200);
    const event = await data.db
      .selectFrom('batch_events')
      .select('id')
      .where('batch_id', '=', batchId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const link = `/lo-hang/${batchId}/tai-lieu/${event.id}`;
    expect(await (await fetch(`${server.url}/lo-hang/${batchId}`)).text()).toContain(
      `href="${link}"`,
    );
    const served = await fetch(`${server.url}${link}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-security-policy')).toBe('sandbox');
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await fetch(`${server.url}/lo-hang/${batchId}/tai-lieu/${event.id - 1}`)).status).toBe(
      404,
    );
  });

  it('refuses bad events and corrections pointing at another batch, writing nothing', async () => {
    const before = await count('batch_events');
    const noDose = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
      intent: 'event',
      kind: 'care',
      date: '10/04/2026',
      inputProduct: 'Thuốc X',
    });
    expect(noDose.status).toBe(400);
    expect(await noDose.text()).toContain('Hãy ghi liều lượng');
    const badDate = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
      intent: 'event',
      kind: 'harvest',
      date: '31/02/2026',
    });
    expect(badDate.status).toBe(400);
    const other = await data.db
      .selectFrom('batch_events')
      .select('id')
      .where('batch_id', '=', batchId)
      .executeTakeFirstOrThrow();
    const foreign = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${plainBatchId}`, {
      intent: 'event',
      kind: 'harvest',
      date: '01/07/2026',
      correctsEventId: String(other.id),
    });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('không thuộc lô này');
    const input = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${plainBatchId}`, {
      intent: 'event',
      kind: 'processing',
      date: '01/07/2026',
      inputBatchIds: '999999',
    });
    expect(input.status).toBe(400);
    expect(await count('batch_events')).toBe(before);
  });

  it('keeps events append-only: the database refuses UPDATE and DELETE', () => {
    expect(() =>
      data.sqlite
        .prepare(`update batch_events set description = 'sửa' where batch_id = ?`)
        .run(batchId),
    ).toThrow(/append-only/);
    expect(() =>
      data.sqlite.prepare('delete from batch_events where batch_id = ?').run(batchId),
    ).toThrow(/append-only/);
    expect(() => data.sqlite.prepare('delete from batch_event_photos').run()).toThrow(
      /append-only/,
    );
  });
});

describe('stamps', () => {
  it('issues stamps in the background and refuses bad counts', async () => {
    const before = await count('stamp_issues');
    for (const bad of ['0', '1000001', 'mười']) {
      const response = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
        intent: 'issue',
        count: bad,
      });
      expect(response.status).toBe(400);
    }
    expect(await count('stamp_issues')).toBe(before);
    expect(
      (
        await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
          intent: 'issue',
          count: '1.000',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
          intent: 'issue',
          count: '200000',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${plainBatchId}`, {
          intent: 'issue',
          count: '50',
        })
      ).status,
    ).toBe(200);
    await waitForIssues(batchId);
    await waitForIssues(plainBatchId);
    const issues = await data.db
      .selectFrom('stamp_issues')
      .select(['serial_start', 'count', 'status', 'progress'])
      .where('batch_id', '=', batchId)
      .orderBy('id')
      .execute();
    expect(issues).toEqual([
      { serial_start: 1, count: 1000, status: 'done', progress: 1000 },
      { serial_start: 1001, count: 200000, status: 'done', progress: 200000 },
    ]);
    const page = await (await teaOwner.get(`/kenh-nguoi-ban/lo-hang/${batchId}`)).text();
    expect(page).toContain('201.000');
  });

  it('says genuine for an issued stamp, in both URL forms, with the journey', async () => {
    const gs1 = stampUrl(keyring, server.url, await batchOf(batchId), 7);
    expect(path(gs1)).toMatch(/^\/01\/08938400000004\/10\/L2026-07\/21\/7\?a=[0-9A-Z]{14}$/);
    const page = await scan(gs1);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Tem chính hãng');
    expect(page.html).toContain('Chè xanh');
    expect(page.html).toContain('Hành trình sản phẩm');
    expect(page.html).toContain('Phân hữu cơ vi sinh');
    expect(page.html).toContain('đã được quét 1 lần');
    // Plain HTML for 3G: no script at all, and small.
    expect(page.html).not.toMatch(/<script/i);
    expect(Buffer.byteLength(page.html)).toBeLessThan(30_000);
    const short = stampUrl(keyring, server.url, await batchOf(plainBatchId), 50);
    expect(path(short)).toMatch(/^\/s\/[0-9A-Z]+-50-[0-9A-Z]{14}$/);
    expect((await scan(short)).html).toContain('Tem chính hãng');
    // The page is served by the direct renderer (server/scan-page.tsx) with the site's stylesheet, in the
    // buyer's language, and its report form posts to the batch page.
    expect(page.html).toContain('<main id="main" data-render="direct">');
    expect(page.html).toMatch(/<link rel="stylesheet" href="\/assets\/[^"]+\.css"/);
    expect(page.html).toContain(`action="/lo-hang/${batchId}"`);
    const english = await fetch(`${server.url}${path(short)}`, { headers: { Cookie: 'lang=en' } });
    const englishHtml = await english.text();
    expect(englishHtml).toContain('<html lang="en"');
    expect(englishHtml).toContain('Genuine stamp');
  });

  it('rejects forgeries: changed serial, lot or authenticator, unissued serials and random codes', async () => {
    const batch = await batchOf(batchId);
    const genuine = stampUrl(keyring, server.url, batch, 8);
    const auth = new URL(genuine).searchParams.get('a')!;
    const flip = (s: string, i: number) =>
      s.slice(0, i) + (s[i] === 'X' ? 'Y' : 'X') + s.slice(i + 1);
    const forgeries = [
      genuine.replace('/21/8?', '/21/9?'),
      genuine.replace('/10/L2026-07/', '/10/L2026-08/'),
      genuine.replace(`a=${auth}`, `a=${flip(auth, 13)}`),
      genuine.replace(`a=${auth}`, `a=${flip(auth, 5)}`),
      genuine.replace(`a=${auth}`, 'a=1ABCDEFGHJKMNP'),
      genuine.replace(/\?a=.*/, ''),
      `${server.url}/s/YGJ0-1234-1Q8ZK3M0TX7VHB`,
      `${server.url}/s/${'7'}-1-${'1'.repeat(14)}`,
      // Correctly signed, but serial 999,999 was never issued.
      stampUrl(keyring, server.url, batch, 999_999),
    ];
    for (const url of forgeries) {
      const page = await scan(url);
      expect(page.status, url).toBe(200);
      expect(page.html, url).toContain('Tem không chính hãng');
      expect(page.html, url).not.toContain('Tem chính hãng<');
    }
    // Signed for the plain batch's identity but presented on another batch reference: not genuine either.
    const other = { batchId: plainBatchId + 1000, serial: '1' };
    expect(
      (
        await scan(
          buildStampUrl(
            server.url,
            other,
            signStamp(keyring, { batchId: plainBatchId, serial: '1' }),
          ),
        )
      ).html,
    ).toContain('Tem không chính hãng');
  });

  it('revokes a range with a reason, and refuses bad revocations', async () => {
    const before = await count('stamp_revocations');
    const outside = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
      intent: 'revoke',
      start: '200000',
      count: '5000',
      reason: 'Mất cuộn tem',
    });
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain('chưa được phát hành');
    const noReason = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
      intent: 'revoke',
      start: '10',
      count: '10',
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(await count('stamp_revocations')).toBe(before);
    expect(
      (
        await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
          intent: 'revoke',
          start: '10',
          count: '10',
          reason: 'Mất cuộn tem ở kho',
        })
      ).status,
    ).toBe(200);
    const batch = await batchOf(batchId);
    const revoked = await scan(stampUrl(keyring, server.url, batch, 15));
    expect(revoked.html).toContain('Tem đã bị thu hồi');
    expect(revoked.html).toContain('Mất cuộn tem ở kho');
    expect((await scan(stampUrl(keyring, server.url, batch, 20))).html).toContain('Tem chính hãng');
  });

  it('warns that a stamp scanned too often is possibly copied, with count and first time', async () => {
    const url = stampUrl(keyring, server.url, await batchOf(batchId), 3);
    for (let i = 0; i < COPY_MAX_SCANS; i++)
      expect((await scan(url)).html).toContain('Tem chính hãng');
    const warned = await scan(url);
    expect(warned.html).toContain('có thể là tem sao chép');
    expect(warned.html).toContain(`đã được quét ${COPY_MAX_SCANS + 1} lần`);
    const stored = await data.db
      .selectFrom('stamp_scans')
      .select(['network_prefix'])
      .where('batch_id', '=', batchId)
      .where('serial', '=', 3)
      .execute();
    // Only a truncated network prefix is kept, never the address.
    expect(new Set(stored.map((s) => s.network_prefix))).toEqual(new Set(['127.0.0.0/24']));
  });

  it('warns as well when one stamp is scanned from many networks', async () => {
    const url = stampUrl(keyring, server.url, await batchOf(batchId), 4);
    const now = new Date();
    for (let i = 0; i < COPY_MAX_NETWORKS; i++) {
      expect(
        (await checkStamp(data.db, keyring, url, { networkPrefix: `10.0.${i}.0/24`, now })).verdict,
      ).toBe('genuine');
    }
    expect(
      (await checkStamp(data.db, keyring, url, { networkPrefix: '2001:db8:1::/48', now })).verdict,
    ).toBe('possibly_copied');
    // A repeat from a network already seen does not count twice; scans older than the window are forgotten.
    expect(
      (await checkStamp(data.db, keyring, url, { networkPrefix: '10.0.0.0/24', now })).history,
    ).toMatchObject({ total: COPY_MAX_NETWORKS + 2, networksInWindow: COPY_MAX_NETWORKS + 1 });
    const later = new Date(now.getTime() + 8 * 86_400_000);
    const check = await checkStamp(data.db, keyring, url, {
      networkPrefix: '10.9.9.0/24',
      now: later,
    });
    expect(check.verdict).toBe('genuine');
    expect(check.history).toMatchObject({
      total: COPY_MAX_NETWORKS + 3,
      inWindow: 1,
      networksInWindow: 1,
      firstAt: now.toISOString(),
    });
  });

  it('says the product expired for a genuine stamp of an expired batch', async () => {
    const created = await createBatch(teaOwner, gtinProduct, {
      lotCode: 'CU-2020',
      producedOn: '01/01/2020',
      expiresOn: '01/01/2021',
    });
    const old = Number(created.headers.get('location')!.split('/').pop());
    await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${old}`, { intent: 'issue', count: '5' });
    await waitForIssues(old);
    expect((await scan(stampUrl(keyring, server.url, await batchOf(old), 2))).html).toContain(
      'Sản phẩm đã hết hạn sử dụng',
    );
  });

  it('streams a PDF whose QR codes decode to the stamp URLs, skipping revoked serials', async () => {
    const response = await teaOwner.get(
      `/kenh-nguoi-ban/lo-hang/${batchId}/in-tem?layout=a4-40&start=5&count=8`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="tem-L2026-07-5\.pdf"$/,
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    const pages = await decodePdfQrCodes(pdf, LABEL_LAYOUTS['a4-40']);
    const batch = await batchOf(batchId);
    // Serials 5–12 minus the revoked 10–12.
    expect(pages.flat()).toEqual(
      [5, 6, 7, 8, 9].map((s) => stampUrl(keyring, server.url, batch, s)),
    );
    const unissued = await teaOwner.get(
      `/kenh-nguoi-ban/lo-hang/${batchId}/in-tem?layout=a4-40&start=300000&count=8`,
    );
    expect(unissued.status).toBe(409);
    expect(
      (await teaOwner.get(`/kenh-nguoi-ban/lo-hang/${batchId}/in-tem?layout=a5&start=1&count=8`))
        .status,
    ).toBe(400);
  });
});

describe('access control', () => {
  it("refuses another cooperative's member (404) and anonymous visitors (sign-in)", async () => {
    const before = await Promise.all([
      count('batch_events'),
      count('stamp_issues'),
      count('stamp_revocations'),
    ]);
    const attempts: Array<Record<string, string>> = [
      { intent: 'issue', count: '10' },
      { intent: 'revoke', start: '1', count: '1', reason: 'Thử phá' },
      { intent: 'event', kind: 'harvest', date: '01/07/2026' },
    ];
    for (const fields of attempts) {
      expect((await ginsengOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, fields)).status).toBe(
        404,
      );
      const anonymous = await new FormClient(server.url).post(
        `/kenh-nguoi-ban/lo-hang/${batchId}`,
        fields,
      );
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get('location')).toMatch(/^\/dang-nhap\?redirectTo=/);
    }
    expect((await ginsengOwner.get(`/kenh-nguoi-ban/lo-hang/${batchId}`)).status).toBe(404);
    expect(
      (
        await ginsengOwner.get(
          `/kenh-nguoi-ban/lo-hang/${batchId}/in-tem?layout=a4-65&start=1&count=5`,
        )
      ).status,
    ).toBe(404);
    expect((await createBatch(ginsengOwner, gtinProduct, { lotCode: 'CHIEM' })).status).toBe(404);
    expect(
      await Promise.all([count('batch_events'), count('stamp_issues'), count('stamp_revocations')]),
    ).toEqual(before);
  });
});

describe('EPCIS export', () => {
  it('returns the journey as an EPCIS 2.0 JSON-LD document', async () => {
    const response = await fetch(`${server.url}/api/batches/${batchId}/epcis`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const document = await response.json();
    expect(document.type).toBe('EPCISDocument');
    expect(document.schemaVersion).toBe('2.0');
    expect(document['@context'][0]).toBe(
      'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
    );
    const events = document.epcisBody.eventList as Array<Record<string, any>>;
    expect(events).toHaveLength(
      await data.db
        .selectFrom('batch_events')
        .select('id')
        .where('batch_id', '=', batchId)
        .execute()
        .then((r) => r.length),
    );
    expect(events[0]).toMatchObject({
      type: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'commissioning',
      quantityList: [{ epcClass: 'https://id.gs1.org/01/08938400000004/10/L2026-07' }],
    });
    expect(events.some((e) => e.errorDeclaration?.reason === 'incorrect_data')).toBe(true);
    expect(events.find((e) => e['cp:eventKind'] === 'correction')?.['cp:corrects']).toMatch(
      /^https:\/\/ns\.chophien\.vn\/epcis\/event\/\d+$/,
    );
  });

  it('answers 404 for a batch that is not public or does not exist', async () => {
    await data.db
      .updateTable('products')
      .set({ status: 'draft' })
      .where('id', '=', plainProduct)
      .execute();
    expect((await fetch(`${server.url}/api/batches/${plainBatchId}/epcis`)).status).toBe(404);
    expect((await fetch(`${server.url}/lo-hang/${plainBatchId}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/batches/987654/epcis`)).status).toBe(404);
    await data.db
      .updateTable('products')
      .set({ status: 'published' })
      .where('id', '=', plainProduct)
      .execute();
  });
});

describe('suspicious product reports', () => {
  it('reaches the producer and the trade office, and is rate limited', async () => {
    const mails = await count('email_outbox');
    const short = await new FormClient(server.url).post(`/lo-hang/${batchId}`, {
      intent: 'report',
      message: 'giả',
    });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('ít nhất 10 ký tự');
    expect(await count('stamp_reports')).toBe(0);
    const sent = await new FormClient(server.url).post(`/lo-hang/${batchId}`, {
      intent: 'report',
      serial: '3',
      message: 'Tem bị mờ, bao bì khác mẫu',
      contact: '0912000222',
    });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Cảm ơn bạn');
    const to = (
      await data.db
        .selectFrom('email_outbox')
        .select('to_address')
        .orderBy('id', 'desc')
        .limit((await count('email_outbox')) - mails)
        .execute()
    ).map((m) => m.to_address);
    expect(to).toContain('htx-che-tam-duong@chophien.test');
    expect(to).toContain('socongthuong.laichau@chophien.test');
    expect(await (await teaOwner.get(`/kenh-nguoi-ban/lo-hang/${batchId}`)).text()).toContain(
      'Tem bị mờ, bao bì khác mẫu',
    );
    let last = 200;
    for (let i = 0; i < 5; i++)
      last = (
        await new FormClient(server.url).post(`/lo-hang/${batchId}`, {
          intent: 'report',
          message: `Báo cáo thử số ${i} nữa`,
        })
      ).status;
    expect(last).toBe(429);
  });
});
