import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePdfQrCodes } from '../helpers/decode-pdf-qr';
import { signStamp } from '~/traceability/authenticator.server';
import { buildStampUrl } from '~/traceability/digital-link';
import { LABEL_LAYOUTS } from '~/traceability/label-layouts';
import { checkStamp, COPY_MAX_NETWORKS, COPY_MAX_SCANS } from '~/traceability/scans.server';
import { stampUrl } from '~/traceability/stamps.server';
import {
  batchIdentity,
  countRows,
  createBatch,
  createdBatchId,
  pathOf,
  scanStamp,
  startTraceabilityWorld,
  stopTraceabilityWorld,
  type TraceabilityWorld,
  waitForIssues,
} from './traceability-fixture';

// Stamps over HTTP: issuance in the background, the scan verdicts in both URL forms (served by the
// direct renderer), revocation, copy detection and the label PDF.
let world: TraceabilityWorld;
let data: TraceabilityWorld['data'];
let server: TraceabilityWorld['server'];
let keyring: TraceabilityWorld['keyring'];
let teaOwner: TraceabilityWorld['teaOwner'];
let gtinProduct: number;
let batchId: number;
let plainBatchId: number;

beforeAll(async () => {
  world = await startTraceabilityWorld();
  ({ data, server, keyring, teaOwner, gtinProduct, batchId, plainBatchId } = world);
  // The journey the scan page shows.
  const care = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
    intent: 'event',
    kind: 'care',
    date: '10/04/2026',
    inputProduct: 'Phân hữu cơ vi sinh',
    dose: '2 kg/sào',
  });
  expect(care.status).toBe(200);
});
afterAll(() => stopTraceabilityWorld(world));

describe('stamps', () => {
  it('issues stamps in the background and refuses bad counts', async () => {
    const before = await countRows(data, 'stamp_issues');
    for (const bad of ['0', '1000001', 'mười']) {
      const response = await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${batchId}`, {
        intent: 'issue',
        count: bad,
      });
      expect(response.status).toBe(400);
    }
    expect(await countRows(data, 'stamp_issues')).toBe(before);
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
    await waitForIssues(data, batchId);
    await waitForIssues(data, plainBatchId);
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
    const gs1 = stampUrl(keyring, server.url, await batchIdentity(data, batchId), 7);
    expect(pathOf(gs1)).toMatch(/^\/01\/08938400000004\/10\/L2026-07\/21\/7\?a=[0-9A-Z]{14}$/);
    const page = await scanStamp(server, gs1);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Tem chính hãng');
    expect(page.html).toContain('Chè xanh');
    expect(page.html).toContain('Hành trình sản phẩm');
    expect(page.html).toContain('Phân hữu cơ vi sinh');
    expect(page.html).toContain('đã được quét 1 lần');
    // Plain HTML for 3G: no script at all, and small.
    expect(page.html).not.toMatch(/<script/i);
    expect(Buffer.byteLength(page.html)).toBeLessThan(30_000);
    const short = stampUrl(keyring, server.url, await batchIdentity(data, plainBatchId), 50);
    expect(pathOf(short)).toMatch(/^\/s\/[0-9A-Z]+-50-[0-9A-Z]{14}$/);
    expect((await scanStamp(server, short)).html).toContain('Tem chính hãng');
    // The page is served by the direct renderer (server/scan-page.tsx) with the site's stylesheet, in the
    // buyer's language, and its report form posts to the batch page.
    expect(page.html).toContain('<main id="main" data-render="direct">');
    expect(page.html).toMatch(/<link rel="stylesheet" href="\/assets\/[^"]+\.css"/);
    expect(page.html).toContain(`action="/lo-hang/${batchId}"`);
    const english = await fetch(`${server.url}${pathOf(short)}`, {
      headers: { Cookie: 'lang=en' },
    });
    const englishHtml = await english.text();
    expect(englishHtml).toContain('<html lang="en"');
    expect(englishHtml).toContain('Genuine stamp');
  });

  it('rejects forgeries: changed serial, lot or authenticator, unissued serials and random codes', async () => {
    const batch = await batchIdentity(data, batchId);
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
      const page = await scanStamp(server, url);
      expect(page.status, url).toBe(200);
      expect(page.html, url).toContain('Tem không chính hãng');
      expect(page.html, url).not.toContain('Tem chính hãng<');
    }
    // Signed for the plain batch's identity but presented on another batch reference: not genuine either.
    const other = { batchId: plainBatchId + 1000, serial: '1' };
    expect(
      (
        await scanStamp(
          server,
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
    const before = await countRows(data, 'stamp_revocations');
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
    expect(await countRows(data, 'stamp_revocations')).toBe(before);
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
    const batch = await batchIdentity(data, batchId);
    const revoked = await scanStamp(server, stampUrl(keyring, server.url, batch, 15));
    expect(revoked.html).toContain('Tem đã bị thu hồi');
    expect(revoked.html).toContain('Mất cuộn tem ở kho');
    expect((await scanStamp(server, stampUrl(keyring, server.url, batch, 20))).html).toContain(
      'Tem chính hãng',
    );
  });

  it('warns that a stamp scanned too often is possibly copied, with count and first time', async () => {
    const url = stampUrl(keyring, server.url, await batchIdentity(data, batchId), 3);
    for (let i = 0; i < COPY_MAX_SCANS; i++)
      expect((await scanStamp(server, url)).html).toContain('Tem chính hãng');
    const warned = await scanStamp(server, url);
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
    const url = stampUrl(keyring, server.url, await batchIdentity(data, batchId), 4);
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
    const old = createdBatchId(created);
    await teaOwner.post(`/kenh-nguoi-ban/lo-hang/${old}`, { intent: 'issue', count: '5' });
    await waitForIssues(data, old);
    expect(
      (await scanStamp(server, stampUrl(keyring, server.url, await batchIdentity(data, old), 2)))
        .html,
    ).toContain('Sản phẩm đã hết hạn sử dụng');
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
    const batch = await batchIdentity(data, batchId);
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
