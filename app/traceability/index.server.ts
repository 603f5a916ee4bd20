// The traceability domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/traceability/ is internal (eslint: architecture/domain-boundaries).
export {
  createStampKeyring,
  signStamp,
  type StampKeyring,
  verifyStamp,
} from './authenticator.server';
export {
  addBatchEvent,
  createBatch,
  eventDocumentKey,
  getManagedBatch,
  getPublicBatch,
  listProductBatches,
  listPublicBatchesOfProduct,
  loadBatchSummary,
  loadJourney,
  parseBatchForm,
  parseEventForm,
} from './batches.server';
export { seedDemoBatches } from './demo-batches.server';
export { readLabDocument, saveLabDocument } from './documents.server';
export { batchEpcisDocument } from './epcis.server';
export { loadStampKeyring } from './keyring.server';
export { type StampLabel, streamLabelsPdf } from './labels-pdf.server';
export { loadScanPage } from './scan-page.server';
export { listReports, parseReportForm, reportSuspicious, scanSummary } from './scans.server';
export {
  issueStamps,
  labelsForPrint,
  resumeIssueJobs,
  revokeStamps,
  stampOverview,
  stampUrl,
} from './stamps.server';
