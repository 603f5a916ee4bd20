import type { DB } from '~db/connection.server';
import type { BatchEventKind, JourneyStepKind } from '~db/schema-traceability';
import type { EventDetails } from './event-form';
import { isJourneyStep } from './event-kinds';

/** Reads of a batch's append-only journey: the events in time order with their photos. */

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
