import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { FormClient } from '../helpers/browser-less';
import {
  batchIdentity,
  countRows,
  createBatch,
  startTraceabilityWorld,
  stopTraceabilityWorld,
  type TraceabilityWorld,
} from './traceability-fixture';

// Batches, their append-only journey, access, EPCIS and buyers' reports over HTTP; stamps and scans
// are in traceability-stamps-http.test.ts.
let world: TraceabilityWorld;
let data: TraceabilityWorld['data'];
let server: TraceabilityWorld['server'];
let teaOwner: TraceabilityWorld['teaOwner'];
let ginsengOwner: TraceabilityWorld['ginsengOwner'];
let gtinProduct: number;
let plainProduct: number;
let batchId: number;
let plainBatchId: number;

beforeAll(async () => {
  world = await startTraceabilityWorld();
  ({ data, server, teaOwner, ginsengOwner, gtinProduct, plainProduct, batchId, plainBatchId } =
    world);
});
afterAll(() => stopTraceabilityWorld(world));

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
    expect((await batchIdentity(data, batchId)).gtin).toBe('08938400000004');
    expect((await batchIdentity(data, plainBatchId)).gtin).toBeNull();
    const page = await (await fetch(`${server.url}/san-pham/che-xanh-tam-duong`)).text();
    expect(page).toContain('Truy xuất nguồn gốc');
    expect(page).toContain(`/lo-hang/${batchId}`);
  });

  it('refuses bad batch inputs with Vietnamese messages and writes nothing', async () => {
    const before = await countRows(data, 'batches');
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
    expect(await countRows(data, 'batches')).toBe(before);
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
    const [stored, ...more] = photos;
    expect(stored && more.length === 0).toBe(true);
    expect((await fetch(`${server.url}/uploads/${stored?.storage_key}-320.webp`)).status).toBe(200);

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
    const before = await countRows(data, 'batch_events');
    const notPdf = await post('inspection', Buffer.from('MZ not a pdf'), 'application/pdf');
    expect(notPdf.status).toBe(415);
    expect(await notPdf.text()).toContain('Phiếu kết quả phải là tệp PDF');
    const wrongKind = await post('harvest', pdf, 'application/pdf');
    expect(wrongKind.status).toBe(400);
    expect(await countRows(data, 'batch_events')).toBe(before);
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
    const before = await countRows(data, 'batch_events');
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
    expect(await countRows(data, 'batch_events')).toBe(before);
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

describe('access control', () => {
  it("refuses another cooperative's member (404) and anonymous visitors (sign-in)", async () => {
    const before = await Promise.all([
      countRows(data, 'batch_events'),
      countRows(data, 'stamp_issues'),
      countRows(data, 'stamp_revocations'),
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
      await Promise.all([
        countRows(data, 'batch_events'),
        countRows(data, 'stamp_issues'),
        countRows(data, 'stamp_revocations'),
      ]),
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
    const events = document.epcisBody.eventList as Array<
      Record<string, unknown> & { errorDeclaration?: { reason?: string } }
    >;
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
    const mails = await countRows(data, 'email_outbox');
    const short = await new FormClient(server.url).post(`/lo-hang/${batchId}`, {
      intent: 'report',
      message: 'giả',
    });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('ít nhất 10 ký tự');
    expect(await countRows(data, 'stamp_reports')).toBe(0);
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
        .limit((await countRows(data, 'email_outbox')) - mails)
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
