import type { DB } from '~db/connection.server';
import { getPublicBatch } from './batch-reads.server';
import { toEpcisDocument, type EpcisJourneyEvent } from './epcis';

/** The EPCIS 2.0 document of a public batch (its product is published); null otherwise. */
export async function batchEpcisDocument(db: DB, batchId: number, now = new Date()) {
  const found = await getPublicBatch(db, batchId);
  if (!found) return null;
  const { batch, journey } = found;
  const inputIds = [...new Set(journey.flatMap((e) => e.details.inputBatchIds ?? []))];
  const inputs = inputIds.length
    ? await db
        .selectFrom('batches')
        .select(['id', 'lot_code', 'gtin'])
        .where('id', 'in', inputIds)
        .execute()
    : [];
  const events: EpcisJourneyEvent[] = journey.map((e) => ({
    id: e.id,
    kind: e.kind,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    communeCode: e.communeCode ?? batch.communeCode,
    gps:
      e.step === 'planting' && batch.latitude !== null && batch.longitude !== null
        ? { lat: batch.latitude, lng: batch.longitude }
        : null,
    details: {
      ...e.details,
      ...(e.place ? { place: e.place } : {}),
      ...(e.description ? { description: e.description } : {}),
    },
    correctsEventId: e.correctsEventId,
    inputBatchLots: (e.details.inputBatchIds ?? []).flatMap((id) => {
      const input = inputs.find((i) => i.id === id);
      return input ? [{ batchId: input.id, lot: input.lot_code, gtin: input.gtin }] : [];
    }),
  }));
  return toEpcisDocument(
    {
      id: batch.id,
      lot: batch.lotCode,
      gtin: batch.gtin,
      productId: batch.productId,
      productionDate: batch.producedOn,
      expiryDate: batch.expiresOn,
    },
    events,
    now,
  );
}
