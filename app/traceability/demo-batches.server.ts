import type { DB } from '~db/connection.server';
import { isValidGtin, toGtin14 } from '~/lib/gtin';
import type { EventDetails } from './event-form';
import type { JourneyStep } from './event-kinds';

/*
 * Two demo batches with their journeys, so that a fresh demo shows traceability at once: the public
 * batch pages (/lo-hang/{id}) are linked from the product pages, and the cooperative's owner account can
 * issue and print stamps for them. Only seeded with the demo catalogue, never in production.
 */
interface DemoEvent {
  kind: JourneyStep;
  /** Vietnamese local date and time, yyyy-mm-ddThh:mm. */
  at: string;
  place: string;
  description: string;
  details?: EventDetails;
}

interface DemoBatch {
  productSlug: string;
  lotCode: string;
  producedOn: string;
  expiresOn: string | null;
  quantity: number;
  quantityUnit: string;
  areaName: string;
  latitude: number | null;
  longitude: number | null;
  notes: string;
  events: DemoEvent[];
}

const DEMO_BATCHES: DemoBatch[] = [
  {
    productSlug: 'mat-ong-hoa-bac-ha-sin-ho',
    lotCode: 'MO-2026-10',
    producedOn: '2026-10-20',
    expiresOn: '2028-10-20',
    quantity: 400,
    quantityUnit: 'chai',
    areaName: 'Nương bạc hà Phìn Hồ',
    latitude: 22.36,
    longitude: 103.25,
    notes: 'Mật ong mùa hoa bạc hà tháng 10, quay ly tâm, không pha trộn.',
    events: [
      {
        kind: 'planting',
        at: '2026-09-01T07:00',
        place: 'Đàn ong 60 thùng, bản Phìn Hồ',
        description: 'Đặt thùng ong gần nương bạc hà dại.',
      },
      {
        kind: 'care',
        at: '2026-09-15T08:00',
        place: 'Bản Phìn Hồ',
        description: 'Kiểm tra đàn, không dùng kháng sinh.',
        details: { inputProduct: 'Si-rô đường mía', dose: '0,5 lít/thùng', preHarvestDays: 30 },
      },
      {
        kind: 'harvest',
        at: '2026-10-18T06:30',
        place: 'Bản Phìn Hồ',
        description: 'Quay mật từ cầu đã vít nắp.',
      },
      {
        kind: 'inspection',
        at: '2026-10-19T10:00',
        place: 'Trung tâm Kiểm nghiệm Lai Châu',
        description: 'Độ ẩm 19,2 %, HMF 8 mg/kg, không phát hiện dư lượng kháng sinh.',
        details: { result: 'Đạt' },
      },
      {
        kind: 'packaging',
        at: '2026-10-20T14:00',
        place: 'Xưởng HTX, Tổ dân phố 2',
        description: 'Lọc, đóng chai thủy tinh 500 ml, dán tem truy xuất.',
      },
    ],
  },
  {
    productSlug: 'gao-seng-cu-dien-bien',
    lotCode: 'SC-2026-V1',
    producedOn: '2026-10-05',
    expiresOn: '2027-10-05',
    quantity: 2000,
    quantityUnit: 'kg',
    areaName: 'Cánh đồng Mường Thanh',
    latitude: 21.39,
    longitude: 103.02,
    notes: 'Vụ mùa 2026, gạo xay xát trong tuần thu hoạch.',
    events: [
      {
        kind: 'planting',
        at: '2026-06-10T07:00',
        place: 'Cánh đồng Mường Thanh',
        description: 'Cấy mạ Séng Cù, mật độ 35 khóm/m².',
      },
      {
        kind: 'care',
        at: '2026-07-20T07:30',
        place: 'Cánh đồng Mường Thanh',
        description: 'Bón thúc đợt 2.',
        details: {
          inputProduct: 'Phân hữu cơ vi sinh Sông Gianh',
          dose: '400 kg/ha',
          preHarvestDays: 70,
        },
      },
      {
        kind: 'harvest',
        at: '2026-09-28T06:00',
        place: 'Cánh đồng Mường Thanh',
        description: 'Gặt khi 85 % hạt chín, phơi trên sân gạch.',
      },
      {
        kind: 'processing',
        at: '2026-10-03T09:00',
        place: 'Xưởng xay xát HTX',
        description: 'Xay xát, tách tấm, độ ẩm 13,5 %.',
      },
      {
        kind: 'packaging',
        at: '2026-10-05T15:00',
        place: 'Xưởng HTX',
        description: 'Đóng túi hút chân không 2 kg.',
      },
    ],
  },
];

/** Inserts the demo batches and their journeys once (skipped when a demo lot already exists). */
export async function seedDemoBatches(db: DB, now = new Date()): Promise<number> {
  let seeded = 0;
  for (const demo of DEMO_BATCHES) {
    const product = await db
      .selectFrom('products')
      .innerJoin('organizations', 'organizations.id', 'products.organization_id')
      .select([
        'products.id',
        'products.organization_id',
        'products.gtin',
        'products.origin_commune_code',
        'organizations.commune_code',
      ])
      .where('products.slug', '=', demo.productSlug)
      .executeTakeFirst();
    const communeCode = product?.origin_commune_code ?? product?.commune_code;
    if (!product || !communeCode) continue;
    const exists = await db
      .selectFrom('batches')
      .select('id')
      .where('product_id', '=', product.id)
      .where('lot_code', '=', demo.lotCode)
      .executeTakeFirst();
    if (exists) continue;
    await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('batches')
        .values({
          product_id: product.id,
          organization_id: product.organization_id,
          lot_code: demo.lotCode,
          gtin: product.gtin && isValidGtin(product.gtin) ? toGtin14(product.gtin) : null,
          produced_on: demo.producedOn,
          expires_on: demo.expiresOn,
          quantity: demo.quantity,
          quantity_unit: demo.quantityUnit,
          commune_code: communeCode,
          latitude: demo.latitude,
          longitude: demo.longitude,
          area_name: demo.areaName,
          notes: demo.notes,
          created_by: null,
          created_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const event of demo.events) {
        await trx
          .insertInto('batch_events')
          .values({
            batch_id: id,
            kind: event.kind,
            occurred_at: new Date(`${event.at}:00+07:00`).toISOString(),
            commune_code: communeCode,
            place: event.place,
            description: event.description,
            details: JSON.stringify(event.details ?? {}),
            corrects_event_id: null,
            recorded_by: null,
            recorded_at: now.toISOString(),
          })
          .execute();
      }
    });
    seeded++;
  }
  return seeded;
}
