import { z } from 'zod';
import type { JourneyStepKind } from '~db/schema-traceability';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { msg } from '~/lib/form';
import { calendarDate, textInput } from './batch-form';
import { isJourneyStep } from './event-kinds';

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

/** An uploaded file as the browser and the server both see it (a File is a Blob with a name). */
export type UploadedFile = Pick<Blob, 'size' | 'type' | 'arrayBuffer'>;

const isFile = (value: unknown): value is UploadedFile =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Blob).arrayBuffer === 'function' &&
  typeof (value as Blob).size === 'number';

/** File inputs: what was chosen, without the empty part a browser sends for "no file". */
const files = z.unknown().transform((v) =>
  [v]
    .flat()
    .filter(isFile)
    .filter((f) => f.size > 0),
);

/**
 * The journey-event form of the producer's batch page: a date (and optional time, in Vietnam time), the
 * kind's own fields, up to 4 photos and, for an inspection, the lab report as a PDF. `correctsEventId`
 * turns the event into a correction of an earlier one.
 */
export const journeyEventFormSchema = z
  .object({
    correctsEventId: textInput().transform((text, ctx) => {
      if (!text) return null;
      if (!/^\d{1,12}$/.test(text)) {
        ctx.addIssue({ code: 'custom', message: m.correctsEventInvalid.key });
        return z.NEVER;
      }
      return Number(text);
    }),
    kind: textInput().refine(isJourneyStep, msg(m.eventKindRequired)),
    date: calendarDate(m.eventDateInvalid),
    time: textInput()
      .transform((v) => v || '08:00')
      .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), msg(m.eventTimeInvalid)),
    communeCode: textInput().transform((v) => v || null),
    place: textInput(200),
    description: textInput(2000),
    inputProduct: textInput(200),
    dose: textInput(100),
    preHarvestDays: textInput(),
    inputBatchIds: textInput(),
    result: textInput(300),
    carrier: textInput(200),
    photo: files,
    document: files.transform((list) => list[0] ?? null),
  })
  .transform((form, ctx) => {
    const kind = form.kind as JourneyStepKind;
    const problem = (path: string, message: { key: string }) => {
      ctx.addIssue({ code: 'custom', path: [path], message: message.key });
    };
    const details: EventDetails = {};
    if (kind === 'care') {
      details.inputProduct = form.inputProduct;
      if (!form.inputProduct) problem('inputProduct', m.inputProductRequired);
      details.dose = form.dose;
      if (!form.dose) problem('dose', m.doseRequired);
      if (form.preHarvestDays) {
        if (/^\d{1,3}$/.test(form.preHarvestDays))
          details.preHarvestDays = Number(form.preHarvestDays);
        else problem('preHarvestDays', m.preHarvestDaysInvalid);
      }
    }
    if (kind === 'processing') {
      const ids = form.inputBatchIds.split(/[\s,;]+/).filter(Boolean);
      if (ids.some((id) => !/^\d{1,12}$/.test(id))) problem('inputBatchIds', m.inputBatchIdsFormat);
      details.inputBatchIds = [...new Set(ids.map(Number))];
    }
    if (kind === 'inspection') {
      // The lab report file is stored by recordJourneyEvent, which adds its key.
      details.result = form.result;
      if (!form.result) problem('result', m.inspectionResultRequired);
    }
    if (kind === 'shipping') details.carrier = form.carrier;
    const event: EventInput = {
      kind,
      occurredAt: new Date(`${form.date}T${form.time}:00+07:00`).toISOString(),
      communeCode: form.communeCode,
      place: form.place,
      description: form.description,
      details,
      correctsEventId: form.correctsEventId,
    };
    return { ...event, photos: form.photo, document: form.document };
  });

export type JourneyEventForm = z.output<typeof journeyEventFormSchema>;
