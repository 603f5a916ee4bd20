import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { getManagedProduct, saveRenderedImage, type RenderedImage } from '~/catalogue/index.server';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { formatMessage } from '~/i18n/messages';
import { invalid, UserError } from '~/lib/errors';
import { isValidGtin, toGtin14 } from '~/lib/gtin';
import { processUploadedPhoto } from '~/lib/images.server';
import type { BatchInput } from './batch-form';
import { getManagedBatch } from './batch-reads.server';
import { saveLabDocument } from './documents.server';
import type { EventInput, JourneyEventForm } from './event-form';
import { EVENT_KIND_NAMES } from './event-kinds';

/** Writes of batches and their append-only journey. Only members of the product's organization write. */

const MAX_PHOTOS = 4;

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
    if (!commune) throw invalid('communeCode', m.unknownCommune);
    const sameLot = await trx
      .selectFrom('batches')
      .select('id')
      .where('product_id', '=', productId)
      .where('lot_code', '=', input.lotCode)
      .executeTakeFirst();
    if (sameLot) throw new UserError('conflict', 409, m.lotTakenForProduct, 'lotCode');
    if (gtin) {
      const sameGtinLot = await trx
        .selectFrom('batches')
        .select('id')
        .where('gtin', '=', gtin)
        .where('lot_code', '=', input.lotCode)
        .executeTakeFirst();
      if (sameGtinLot) throw new UserError('conflict', 409, m.lotTakenForGtin, 'lotCode');
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
 * The journey-event form as submitted: photos resized, the lab report stored (only for an inspection,
 * and only once the actor is known to manage the batch, so strangers store nothing), then the event.
 */
export async function recordJourneyEvent(
  db: DB,
  actor: Actor,
  batchId: number,
  form: JourneyEventForm,
  storage: { uploadsDir: string; dataDir: string },
  now = new Date(),
): Promise<number> {
  await getManagedBatch(db, actor, batchId);
  const { photos: files, document, ...input } = form;
  if (files.length > MAX_PHOTOS) throw invalid('photo', m.tooManyPhotos);
  if (document && input.kind !== 'inspection')
    throw invalid('document', m.documentOnlyForInspection);
  const photos: RenderedImage[] = [];
  for (const file of files)
    photos.push(await processUploadedPhoto(Buffer.from(await file.arrayBuffer())));
  const event: EventInput = document
    ? {
        ...input,
        details: {
          ...input.details,
          documentKey: await saveLabDocument(
            storage.dataDir,
            Buffer.from(await document.arrayBuffer()),
          ),
        },
      }
    : input;
  return addBatchEvent(db, actor, batchId, event, photos, storage.uploadsDir, now);
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
  if (photos.length > MAX_PHOTOS) throw invalid('photo', m.tooManyPhotos);
  if (input.details.documentKey && input.kind !== 'inspection')
    throw invalid('document', m.documentOnlyForInspection);
  return db.transaction().execute(async (trx) => {
    if (input.communeCode) {
      const commune = await trx
        .selectFrom('communes')
        .select('code')
        .where('code', '=', input.communeCode)
        .executeTakeFirst();
      if (!commune) throw invalid('communeCode', m.unknownCommune);
    }
    if (input.correctsEventId !== null) {
      const original = await trx
        .selectFrom('batch_events')
        .select('id')
        .where('id', '=', input.correctsEventId)
        .where('batch_id', '=', batchId)
        .executeTakeFirst();
      if (!original) throw invalid('correctsEventId', m.correctedEventNotInBatch);
    }
    for (const inputId of input.details.inputBatchIds ?? []) {
      if (inputId === batchId) throw invalid('inputBatchIds', m.inputBatchIsSelf);
      const source = await trx
        .selectFrom('batches')
        .select('organization_id')
        .where('id', '=', inputId)
        .executeTakeFirst();
      if (!source || source.organization_id !== batch.organizationId)
        throw invalid('inputBatchIds', formatMessage(m.inputBatchNotYours, { id: inputId }));
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
