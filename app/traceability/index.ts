// The traceability domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/traceability/ is internal (eslint: architecture/domain-boundaries).
export { batchFormSchema, type BatchInput } from './batch-form';
export { buildStampUrl } from './digital-link';
export { journeyEventFormSchema, type JourneyEventForm } from './event-form';
export { EVENT_KIND_NAMES, JOURNEY_STEPS } from './event-kinds';
export { isLabelLayoutId, LABEL_LAYOUTS, type LabelLayoutId } from './label-layouts';
export { serialToString } from './serials';
export {
  issueStampsSchema,
  printLabelsSchema,
  revokeStampsSchema,
  searchRefusal,
  suspiciousReportSchema,
} from './stamp-forms';
