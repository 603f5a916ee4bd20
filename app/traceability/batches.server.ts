import type { DB } from '~db/connection.server';
import type { BatchEventKind, JourneyStepKind } from '~db/schema-traceability';
import type { Actor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { getManagedProduct, saveRenderedImage, type RenderedImage } from '~/catalogue/index.server';
import { parseCalendarDate } from '~/lib/dates';
import { invalid, notFound, UserError } from '~/lib/errors';
import { isValidGtin, toGtin14 } from '~/lib/gtin';
import { isValidAiValue } from './digital-link';
import { EVENT_KIND_NAMES, isJourneyStep } from './event-kinds';

export { EVENT_KIND_NAMES, JOURNEY_STEPS, isJourneyStep } from './event-kinds';

/** Batches (lots) and their append-only journey. Only members of the product's organization write. */

export interface BatchInput {
  lotCode: string;
  producedOn: string;
  expiresOn: string | null;
  quantity: number;
  quantityUnit: string;
  communeCode: string;
  latitude: number | null;
  longitude: number | null;
  areaName: string;
  notes: string;
}

/** Kind-specific facts, stored as JSON in batch_events.details. */
export interface EventDetails {
  inputProduct?: string;
  dose?: string;
  preHarvestDays?: number;
  inputBatchIds?: number[];
  result?: string;
  /** The inspection's lab report (PDF), see documents.server.ts. */
  documentKey?: string;
  carrier?: string;
}

export interface EventInput {
  kind: JourneyStepKind;
  occurredAt: string;
  communeCode: string | null;
  place: string;
  description: string;
  details: EventDetails;
  /** When set, this event corrects that one (stored with kind "correction"). */
  correctsEventId: number | null;
}

const MAX_TEXT = 2000;
const bad = (field: string, vi: string, en: string) => invalid(field, { vi, en });

function limited(value: string, field: string, max: number): string {
  if (value.length > max) throw bad(field, `Tối đa ${max} ký tự.`, `At most ${max} characters.`);
  return value;
}

function parseCoordinate(text: string, field: 'latitude' | 'longitude'): number | null {
  if (!text) return null;
  const value = Number(text.replace(',', '.'));
  const max = field === 'latitude' ? 90 : 180;
  if (!Number.isFinite(value) || Math.abs(value) > max) {
    throw bad(
      field,
      field === 'latitude' ? 'Vĩ độ phải từ −90 đến 90.' : 'Kinh độ phải từ −180 đến 180.',
      `The ${field} is out of range.`,
    );
  }
  return value;
}

/** Reads and checks the batch form; throws a UserError naming the first bad field. */
export function parseBatchForm(get: (name: string) => string): BatchInput {
  const lotCode = get('lotCode');
  if (!lotCode) throw bad('lotCode', 'Hãy nhập mã lô.', 'Enter the lot code.');
  if (!isValidAiValue(lotCode)) {
    throw bad(
      'lotCode',
      'Mã lô tối đa 20 ký tự: chữ không dấu, số và - . _ (không dấu cách, không dấu tiếng Việt).',
      'The lot code has at most 20 characters: letters, digits and - . _ (no spaces or accents).',
    );
  }
  const producedOn = parseCalendarDate(get('producedOn'));
  if (!producedOn)
    throw bad(
      'producedOn',
      'Ngày sản xuất/thu hoạch không hợp lệ (dd/mm/yyyy).',
      'The production or harvest date is invalid (dd/mm/yyyy).',
    );
  const expiresText = get('expiresOn');
  const expiresOn = expiresText ? parseCalendarDate(expiresText) : null;
  if (expiresText && !expiresOn)
    throw bad(
      'expiresOn',
      'Hạn sử dụng không hợp lệ (dd/mm/yyyy).',
      'The expiry date is invalid (dd/mm/yyyy).',
    );
  if (expiresOn && expiresOn < producedOn)
    throw bad(
      'expiresOn',
      'Hạn sử dụng phải sau ngày sản xuất.',
      'The expiry date must be after the production date.',
    );
  const quantityText = get('quantity');
  const quantity = /^\d{1,9}$/.test(quantityText) ? Number(quantityText) : NaN;
  if (!(quantity > 0))
    throw bad(
      'quantity',
      'Số lượng phải là số nguyên dương.',
      'The quantity must be a positive whole number.',
    );
  const quantityUnit = limited(get('quantityUnit'), 'quantityUnit', 30);
  if (!quantityUnit)
    throw bad(
      'quantityUnit',
      'Hãy nhập đơn vị (kg, hộp, chai…).',
      'Enter the unit (kg, box, bottle…).',
    );
  const communeCode = get('communeCode');
  if (!communeCode)
    throw bad(
      'communeCode',
      'Hãy chọn xã/phường của vùng trồng.',
      'Choose the commune of the growing area.',
    );
  const latitude = parseCoordinate(get('latitude'), 'latitude');
  const longitude = parseCoordinate(get('longitude'), 'longitude');
  if ((latitude === null) !== (longitude === null))
    throw bad(
      'latitude',
      'Hãy nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.',
      'Enter both latitude and longitude, or neither.',
    );
  return {
    lotCode,
    producedOn,
    expiresOn,
    quantity,
    quantityUnit,
    communeCode,
    latitude,
    longitude,
    areaName: limited(get('areaName'), 'areaName', 200),
    notes: limited(get('notes'), 'notes', MAX_TEXT),
  };
}

/** Reads and checks the journey-event form (date, optional time in Vietnam time, kind-specific fields). */
export function parseEventForm(get: (name: string) => string): EventInput {
  const correctsText = get('correctsEventId');
  const correctsEventId = correctsText
    ? /^\d{1,12}$/.test(correctsText)
      ? Number(correctsText)
      : NaN
    : null;
  if (Number.isNaN(correctsEventId))
    throw bad(
      'correctsEventId',
      'Sự kiện được đính chính không hợp lệ.',
      'The corrected event is invalid.',
    );
  const kind = get('kind');
  if (!isJourneyStep(kind))
    throw bad('kind', 'Hãy chọn loại sự kiện.', 'Choose the kind of event.');
  const day = parseCalendarDate(get('date'));
  if (!day)
    throw bad('date', 'Ngày không hợp lệ (dd/mm/yyyy).', 'The date is invalid (dd/mm/yyyy).');
  const time = get('time') || '08:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
    throw bad('time', 'Giờ không hợp lệ (hh:mm).', 'The time is invalid (hh:mm).');
  const occurredAt = new Date(`${day}T${time}:00+07:00`).toISOString();
  const details: EventDetails = {};
  if (kind === 'care') {
    details.inputProduct = limited(get('inputProduct'), 'inputProduct', 200);
    if (!details.inputProduct)
      throw bad(
        'inputProduct',
        'Hãy ghi tên phân bón hoặc thuốc đã dùng.',
        'Name the fertiliser or pesticide used.',
      );
    details.dose = limited(get('dose'), 'dose', 100);
    if (!details.dose) throw bad('dose', 'Hãy ghi liều lượng.', 'Enter the dose.');
    const phi = get('preHarvestDays');
    if (phi) {
      if (!/^\d{1,3}$/.test(phi))
        throw bad(
          'preHarvestDays',
          'Thời gian cách ly là số ngày (0–999).',
          'The pre-harvest interval is a number of days (0–999).',
        );
      details.preHarvestDays = Number(phi);
    }
  }
  if (kind === 'processing') {
    const ids = get('inputBatchIds')
      .split(/[\s,;]+/)
      .filter(Boolean);
    if (ids.some((id) => !/^\d{1,12}$/.test(id)))
      throw bad(
        'inputBatchIds',
        'Mã lô đầu vào là các số, cách nhau bằng dấu phẩy.',
        'Input batches are numbers separated by commas.',
      );
    details.inputBatchIds = [...new Set(ids.map(Number))];
  }
  if (kind === 'inspection') {
    // The lab report file is stored by the route and its key added afterwards.
    details.result = limited(get('result'), 'result', 300);
    if (!details.result)
      throw bad('result', 'Hãy ghi kết quả kiểm nghiệm.', 'Enter the inspection result.');
  }
  if (kind === 'shipping') details.carrier = limited(get('carrier'), 'carrier', 200);
  return {
    kind,
    occurredAt,
    communeCode: get('communeCode') || null,
    place: limited(get('place'), 'place', 200),
    description: limited(get('description'), 'description', MAX_TEXT),
    details,
    correctsEventId,
  };
}

export interface ManagedBatch {
  id: number;
  productId: number;
  organizationId: number;
  provinceCode: string;
  lotCode: string;
  gtin: string | null;
}

/** The batch if the actor is a member of its organization; 404 otherwise (as for a missing id). */
export async function getManagedBatch(
  db: DB,
  actor: Actor,
  batchId: number,
): Promise<ManagedBatch> {
  if (!Number.isSafeInteger(batchId)) throw notFound();
  const row = await db
    .selectFrom('batches as b')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .select([
      'b.id',
      'b.product_id',
      'b.organization_id',
      'o.province_code',
      'b.lot_code',
      'b.gtin',
    ])
    .where('b.id', '=', batchId)
    .executeTakeFirst();
  if (!row || !actor.memberships.some((m) => m.organizationId === row.organization_id))
    throw notFound();
  return {
    id: row.id,
    productId: row.product_id,
    organizationId: row.organization_id,
    provinceCode: row.province_code,
    lotCode: row.lot_code,
    gtin: row.gtin,
  };
}

export async function listProductBatches(db: DB, actor: Actor, productId: number) {
  const product = await getManagedProduct(db, actor, productId);
  const batches = await db
    .selectFrom('batches')
    .select([
      'id',
      'lot_code',
      'produced_on',
      'expires_on',
      'quantity',
      'quantity_unit',
      'created_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('stamp_issues')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('count'), e.val(0)).as('n'))
        .whereRef('stamp_issues.batch_id', '=', 'batches.id')
        .where('status', '!=', 'failed')
        .as('stamps'),
    ])
    .where('product_id', '=', productId)
    .orderBy('id', 'desc')
    .execute();
  return {
    product: { id: product.id, name: product.name, gtin: product.gtin, status: product.status },
    batches,
  };
}

export async function createBatch(
  db: DB,
  actor: Actor,
  productId: number,
  input: BatchInput,
  now = new Date(),
): Promise<number> {
  const product = await getManagedProduct(db, actor, productId);
  const gtin = product.gtin && isValidGtin(product.gtin) ? toGtin14(product.gtin) : null;
  return db.transaction().execute(async (trx) => {
    const commune = await trx
      .selectFrom('communes')
      .select('code')
      .where('code', '=', input.communeCode)
      .executeTakeFirst();
    if (!commune)
      throw bad('communeCode', 'Xã/phường không có trong danh mục.', 'Unknown commune.');
    const sameLot = await trx
      .selectFrom('batches')
      .select('id')
      .where('product_id', '=', productId)
      .where('lot_code', '=', input.lotCode)
      .executeTakeFirst();
    if (sameLot)
      throw new UserError(
        'conflict',
        409,
        {
          vi: 'Sản phẩm này đã có lô cùng mã.',
          en: 'This product already has a batch with this lot code.',
        },
        'lotCode',
      );
    if (gtin) {
      const sameGtinLot = await trx
        .selectFrom('batches')
        .select('id')
        .where('gtin', '=', gtin)
        .where('lot_code', '=', input.lotCode)
        .executeTakeFirst();
      if (sameGtinLot)
        throw new UserError(
          'conflict',
          409,
          {
            vi: 'Mã GTIN này đã có lô cùng mã.',
            en: 'This GTIN already has a batch with this lot code.',
          },
          'lotCode',
        );
    }
    const { id } = await trx
      .insertInto('batches')
      .values({
        product_id: productId,
        organization_id: product.organization_id,
        lot_code: input.lotCode,
        gtin,
        produced_on: input.producedOn,
        expires_on: input.expiresOn,
        quantity: input.quantity,
        quantity_unit: input.quantityUnit,
        commune_code: input.communeCode,
        latitude: input.latitude,
        longitude: input.longitude,
        area_name: input.areaName,
        notes: input.notes,
        created_by: actor.userId,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: product.organization_id,
        provinceCode: product.province_code,
        entityType: 'batch',
        entityId: id,
        action: 'batch_created',
        changes: { lot: [null, input.lotCode], product: [null, productId] },
      },
      now,
    );
    return id;
  });
}

/**
 * Appends a journey event (or a correction of one) with its photos. Photos are written to storage first
 * (content-addressed, so a failed transaction leaves only unreferenced files), rows in one transaction.
 */
export async function addBatchEvent(
  db: DB,
  actor: Actor,
  batchId: number,
  input: EventInput,
  photos: RenderedImage[],
  uploadsDir: string,
  now = new Date(),
): Promise<number> {
  const batch = await getManagedBatch(db, actor, batchId);
  if (photos.length > 4)
    throw bad('photo', 'Tối đa 4 ảnh cho một sự kiện.', 'At most 4 photos per event.');
  if (input.details.documentKey && input.kind !== 'inspection')
    throw bad(
      'document',
      'Chỉ sự kiện kiểm nghiệm mới kèm phiếu kết quả.',
      'Only an inspection carries a lab report.',
    );
  return db.transaction().execute(async (trx) => {
    if (input.communeCode) {
      const commune = await trx
        .selectFrom('communes')
        .select('code')
        .where('code', '=', input.communeCode)
        .executeTakeFirst();
      if (!commune)
        throw bad('communeCode', 'Xã/phường không có trong danh mục.', 'Unknown commune.');
    }
    if (input.correctsEventId !== null) {
      const original = await trx
        .selectFrom('batch_events')
        .select('id')
        .where('id', '=', input.correctsEventId)
        .where('batch_id', '=', batchId)
        .executeTakeFirst();
      if (!original)
        throw bad(
          'correctsEventId',
          'Sự kiện được đính chính không thuộc lô này.',
          'The corrected event is not one of this batch.',
        );
    }
    for (const inputId of input.details.inputBatchIds ?? []) {
      if (inputId === batchId)
        throw bad(
          'inputBatchIds',
          'Lô đầu vào không thể là chính lô này.',
          'A batch cannot be its own input.',
        );
      const source = await trx
        .selectFrom('batches')
        .select('organization_id')
        .where('id', '=', inputId)
        .executeTakeFirst();
      if (!source || source.organization_id !== batch.organizationId) {
        throw bad(
          'inputBatchIds',
          `Lô đầu vào ${inputId} không phải lô của đơn vị bạn.`,
          `Input batch ${inputId} is not one of your organization's batches.`,
        );
      }
    }
    const { id } = await trx
      .insertInto('batch_events')
      .values({
        batch_id: batchId,
        kind: input.correctsEventId !== null ? 'correction' : input.kind,
        occurred_at: input.occurredAt,
        commune_code: input.communeCode,
        place: input.place,
        description: input.description,
        details: JSON.stringify({
          ...input.details,
          ...(input.correctsEventId !== null ? { step: input.kind } : {}),
        }),
        corrects_event_id: input.correctsEventId,
        recorded_by: actor.userId,
        recorded_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [position, photo] of photos.entries()) {
      await trx
        .insertInto('batch_event_photos')
        .values({
          event_id: id,
          storage_key: photo.storageKey,
          width: photo.width,
          height: photo.height,
          position,
          alt: EVENT_KIND_NAMES[input.kind].vi,
        })
        .execute();
    }
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: batch.organizationId,
        provinceCode: batch.provinceCode,
        entityType: 'batch',
        entityId: batchId,
        action: input.correctsEventId !== null ? 'event_corrected' : 'event_added',
        changes: { event: [input.correctsEventId, id] },
      },
      now,
    );
    // Files last but inside the transaction: if writing fails, no row points at a missing photo.
    for (const photo of photos) await saveRenderedImage(uploadsDir, photo);
    return id;
  });
}

export interface JourneyEvent {
  id: number;
  kind: BatchEventKind;
  /** The step a correction restates (the corrected event's step for a correction). */
  step: JourneyStepKind;
  occurredAt: string;
  recordedAt: string;
  communeCode: string | null;
  communeName: string | null;
  place: string;
  description: string;
  details: EventDetails;
  correctsEventId: number | null;
  correctedBy: number[];
  photos: Array<{ storageKey: string; width: number; height: number }>;
}

/** An event's lab report key, if the batch has that event and it carries one. */
export async function eventDocumentKey(
  db: DB,
  batchId: number,
  eventId: number,
): Promise<string | null> {
  if (!Number.isSafeInteger(eventId)) return null;
  const row = await db
    .selectFrom('batch_events')
    .select('details')
    .where('id', '=', eventId)
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  return row ? ((JSON.parse(row.details) as EventDetails).documentKey ?? null) : null;
}

/** The journey in time order; corrections are listed themselves and named on the events they correct. */
export async function loadJourney(db: DB, batchId: number): Promise<JourneyEvent[]> {
  const [rows, photos] = await Promise.all([
    db
      .selectFrom('batch_events as e')
      .leftJoin('communes as c', 'c.code', 'e.commune_code')
      .select([
        'e.id',
        'e.kind',
        'e.occurred_at',
        'e.recorded_at',
        'e.commune_code',
        'c.name as commune_name',
        'e.place',
        'e.description',
        'e.details',
        'e.corrects_event_id',
      ])
      .where('e.batch_id', '=', batchId)
      .orderBy('e.occurred_at')
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('batch_event_photos as p')
      .innerJoin('batch_events as e', 'e.id', 'p.event_id')
      .select(['p.event_id', 'p.storage_key', 'p.width', 'p.height'])
      .where('e.batch_id', '=', batchId)
      .orderBy('p.position')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const stepOf = (id: number, depth = 0): JourneyStepKind => {
    const row = byId.get(id);
    if (!row) return 'planting';
    if (row.kind !== 'correction') return row.kind;
    const details = JSON.parse(row.details) as { step?: string };
    if (details.step && isJourneyStep(details.step)) return details.step;
    return depth > 20 || row.corrects_event_id === null
      ? 'planting'
      : stepOf(row.corrects_event_id, depth + 1);
  };
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    step: stepOf(r.id),
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    communeCode: r.commune_code,
    communeName: r.commune_name ?? null,
    place: r.place,
    description: r.description,
    details: JSON.parse(r.details) as EventDetails,
    correctsEventId: r.corrects_event_id,
    correctedBy: rows.filter((c) => c.corrects_event_id === r.id).map((c) => c.id),
    photos: photos
      .filter((p) => p.event_id === r.id)
      .map((p) => ({ storageKey: p.storage_key, width: p.width, height: p.height })),
  }));
}

export interface BatchSummary {
  id: number;
  productId: number;
  productName: string;
  productSlug: string;
  productStatus: string;
  organizationId: number;
  organizationName: string;
  organizationSlug: string;
  provinceCode: string;
  lotCode: string;
  gtin: string | null;
  producedOn: string;
  expiresOn: string | null;
  quantity: number;
  quantityUnit: string;
  communeCode: string;
  communeName: string;
  latitude: number | null;
  longitude: number | null;
  areaName: string;
  notes: string;
  createdAt: string;
}

export async function loadBatchSummary(db: DB, batchId: number): Promise<BatchSummary | null> {
  const r = await db
    .selectFrom('batches as b')
    .innerJoin('products as p', 'p.id', 'b.product_id')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .innerJoin('communes as c', 'c.code', 'b.commune_code')
    .select([
      'b.id',
      'b.product_id',
      'p.name as product_name',
      'p.slug as product_slug',
      'p.status as product_status',
      'b.organization_id',
      'o.name as org_name',
      'o.slug as org_slug',
      'o.province_code',
      'b.lot_code',
      'b.gtin',
      'b.produced_on',
      'b.expires_on',
      'b.quantity',
      'b.quantity_unit',
      'b.commune_code',
      'c.full_name as commune_name',
      'b.latitude',
      'b.longitude',
      'b.area_name',
      'b.notes',
      'b.created_at',
    ])
    .where('b.id', '=', batchId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    productId: r.product_id,
    productName: r.product_name,
    productSlug: r.product_slug,
    productStatus: r.product_status,
    organizationId: r.organization_id,
    organizationName: r.org_name,
    organizationSlug: r.org_slug,
    provinceCode: r.province_code,
    lotCode: r.lot_code,
    gtin: r.gtin,
    producedOn: r.produced_on,
    expiresOn: r.expires_on,
    quantity: r.quantity,
    quantityUnit: r.quantity_unit,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    latitude: r.latitude,
    longitude: r.longitude,
    areaName: r.area_name,
    notes: r.notes,
    createdAt: r.created_at,
  };
}

/** A batch buyers may see: its product is published. Null otherwise (the public pages answer 404). */
export async function getPublicBatch(db: DB, batchId: number) {
  if (!Number.isSafeInteger(batchId)) return null;
  const batch = await loadBatchSummary(db, batchId);
  if (!batch || batch.productStatus !== 'published') return null;
  return { batch, journey: await loadJourney(db, batchId) };
}

/** Published batches of a published product, newest first, for the product page's traceability links. */
export async function listPublicBatchesOfProduct(db: DB, productId: number, limit = 10) {
  return db
    .selectFrom('batches as b')
    .innerJoin('products as p', 'p.id', 'b.product_id')
    .select(['b.id', 'b.lot_code', 'b.produced_on', 'b.expires_on'])
    .where('b.product_id', '=', productId)
    .where('p.status', '=', 'published')
    .orderBy('b.id', 'desc')
    .limit(limit)
    .execute();
}
