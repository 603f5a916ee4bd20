import { formatMessage } from '~/i18n/messages';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { invalid } from '~/lib/errors';
import { toGtin14 } from '~/lib/gtin';
import { encodeAiValue } from './digital-link';

/**
 * A batch's journey as an EPCIS 2.0 JSON-LD document (GS1 EPCIS 2.0 + CBV 2.0), for
 * `GET /api/batches/{id}/epcis`. Pure: the caller loads the batch and its events.
 */

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
/** Our extension vocabulary (JSON-LD prefix "cp"). An identifier, not necessarily a page to fetch. */
export const CP_NAMESPACE = 'https://ns.chophien.vn/epcis/';

export type JourneyEventKind =
  | 'planting'
  | 'care'
  | 'harvest'
  | 'processing'
  | 'packaging'
  | 'inspection'
  | 'shipping'
  | 'correction';

export interface EpcisBatch {
  id: number;
  lot: string;
  gtin: string | null;
  productId: number;
  /** Calendar dates yyyy-mm-dd. */
  productionDate?: string | null;
  expiryDate?: string | null;
}

export interface BatchLotRef {
  batchId: number;
  lot: string;
  gtin?: string | null;
}

export interface EpcisJourneyEvent {
  id: number;
  kind: JourneyEventKind;
  /** ISO 8601 UTC, e.g. 2025-07-01T02:00:00.000Z. */
  occurredAt: string;
  recordedAt?: string;
  /** Official code of the commune or ward (2025 units). */
  communeCode: string;
  gps?: { lat: number; lng: number } | null;
  /** Kind-specific facts (product and dose of a treatment, lab result, carrier…), exported as they are. */
  details: Record<string, unknown>;
  /** For kind "correction": the event it corrects. */
  correctsEventId?: number | null;
  /** For kind "processing": the batches that went in (the output is this batch). */
  inputBatchLots?: BatchLotRef[];
}

type CorrectableKind = Exclude<JourneyEventKind, 'correction'>;

/**
 * CBV 2.0 has standard business steps for most of the journey; where it has none (care, harvest) we use
 * a URI of our own, as EPCIS allows for non-standard values. Standard values are bare words: the
 * EPCIS 2.0 JSON schema rejects the CBV URI forms of them.
 */
const BIZ_STEPS: Record<CorrectableKind, string> = {
  planting: 'commissioning', // the batch comes into existence
  care: `${CP_NAMESPACE}bizstep/caring`,
  harvest: `${CP_NAMESPACE}bizstep/harvesting`,
  processing: 'commissioning', // the output lot of a TransformationEvent is created, as in GS1's own examples
  packaging: 'packing',
  inspection: 'inspecting',
  shipping: 'shipping',
};

/** Only standard CBV dispositions; an inspection's pass or fail stays in cp:details (CBV has no disposition for it). */
const DISPOSITIONS: Partial<Record<CorrectableKind, string>> = {
  planting: 'active',
  harvest: 'active',
  processing: 'active',
  packaging: 'container_closed',
  shipping: 'in_transit',
};

/** EPCIS class-level identifier of a lot: a GS1 Digital Link (LGTIN) when there is a GTIN, ours otherwise. */
export function lotClassId(ref: { batchId: number; lot: string; gtin?: string | null }): string {
  return ref.gtin
    ? `https://id.gs1.org/01/${toGtin14(ref.gtin)}/10/${encodeAiValue(ref.lot)}`
    : `${CP_NAMESPACE}batch/${ref.batchId}`;
}

export const eventUri = (eventId: number) => `${CP_NAMESPACE}event/${eventId}`;

/** Vietnam has one time zone and no daylight saving time. */
const VIETNAM_OFFSET = '+07:00';

export function toEpcisDocument(
  batch: EpcisBatch,
  events: readonly EpcisJourneyEvent[],
  now = new Date(),
) {
  const byId = new Map(events.map((event) => [event.id, event]));
  const correctionsOf = new Map<number, EpcisJourneyEvent[]>();
  for (const event of events) {
    if (event.kind !== 'correction') continue;
    const original = event.correctsEventId == null ? undefined : byId.get(event.correctsEventId);
    if (!original) {
      throw invalid('correctsEventId', formatMessage(m.correctionDangling, { id: event.id }));
    }
    correctionsOf.set(original.id, [...(correctionsOf.get(original.id) ?? []), event]);
  }
  const ordered = [...events].sort(
    (a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id,
  );

  return {
    '@context': [EPCIS_CONTEXT, { cp: CP_NAMESPACE }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: now.toISOString(),
    epcisBody: {
      eventList: ordered.map((event) =>
        toEpcisEvent(batch, event, byId, correctionsOf.get(event.id) ?? []),
      ),
    },
  };
}

/** The kind an event stands for: a correction restates the event it corrects. */
function effectiveKind(
  event: EpcisJourneyEvent,
  byId: Map<number, EpcisJourneyEvent>,
): CorrectableKind {
  let current = event;
  const seen = new Set<number>();
  while (current.kind === 'correction') {
    if (seen.has(current.id)) throw invalid('correctsEventId', m.correctionLoop);
    seen.add(current.id);
    current = byId.get(current.correctsEventId!)!;
  }
  return current.kind;
}

function toEpcisEvent(
  batch: EpcisBatch,
  event: EpcisJourneyEvent,
  byId: Map<number, EpcisJourneyEvent>,
  corrections: EpcisJourneyEvent[],
) {
  const kind = effectiveKind(event, byId);
  const thisLot = { epcClass: lotClassId({ batchId: batch.id, lot: batch.lot, gtin: batch.gtin }) };
  const common = {
    eventID: eventUri(event.id),
    eventTime: event.occurredAt,
    eventTimeZoneOffset: VIETNAM_OFFSET,
    ...(event.recordedAt ? { recordTime: event.recordedAt } : {}),
  };
  const why = {
    bizStep: BIZ_STEPS[kind],
    ...(DISPOSITIONS[kind] ? { disposition: DISPOSITIONS[kind] } : {}),
  };
  const where = {
    ...(event.gps ? { readPoint: { id: `geo:${event.gps.lat},${event.gps.lng}` } } : {}),
    bizLocation: { id: `${CP_NAMESPACE}commune/${encodeURIComponent(event.communeCode)}` },
  };
  const extension = {
    'cp:eventKind': event.kind,
    'cp:communeCode': event.communeCode,
    'cp:details': event.details,
    ...(event.kind === 'correction' ? { 'cp:corrects': eventUri(event.correctsEventId!) } : {}),
  };
  // EPCIS's own correction mechanism: the original carries an errorDeclaration naming its corrections.
  const [firstCorrection] = corrections;
  const errorDeclaration = firstCorrection
    ? {
        errorDeclaration: {
          declarationTime: firstCorrection.recordedAt ?? firstCorrection.occurredAt,
          reason: 'incorrect_data',
          correctiveEventIDs: corrections.map((correction) => eventUri(correction.id)),
        },
      }
    : {};

  if (kind === 'processing') {
    return {
      type: 'TransformationEvent',
      ...common,
      ...errorDeclaration,
      inputQuantityList: (event.inputBatchLots ?? []).map((input) => ({
        epcClass: lotClassId(input),
      })),
      outputQuantityList: [thisLot],
      ...why,
      ...where,
      ...extension,
    };
  }
  return {
    type: 'ObjectEvent',
    ...common,
    ...errorDeclaration,
    epcList: [],
    quantityList: [thisLot],
    // ADD: the batch enters the system at planting; every later step observes it.
    action: kind === 'planting' ? 'ADD' : 'OBSERVE',
    ...why,
    ...where,
    ...(kind === 'planting' ? { ilmd: lotMasterData(batch) } : {}),
    ...extension,
  };
}

function lotMasterData(batch: EpcisBatch) {
  return {
    'cp:productId': batch.productId,
    'cp:lot': batch.lot,
    ...(batch.productionDate ? { 'cp:productionDate': batch.productionDate } : {}),
    ...(batch.expiryDate ? { 'cp:expiryDate': batch.expiryDate } : {}),
  };
}
