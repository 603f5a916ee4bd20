// The traceability domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/traceability/ is internal (eslint: architecture/domain-boundaries).
export {
  createStampKeyring,
  signStamp,
  type StampKeyring,
  verifyStamp,
} from './authenticator.server';
export { createBatch, recordJourneyEvent } from './batch-commands.server';
export {
  batchWorkspace,
  labDocumentFor,
  productBatchesPage,
  publicBatchPage,
} from './batch-pages.server';
export { getPublicBatch, listPublicBatchesOfProduct } from './batch-reads.server';
export { seedDemoBatches } from './demo-batches.server';
export { batchEpcisDocument } from './epcis.server';
export { loadStampKeyring } from './keyring.server';
export { type StampLabel, streamLabelsPdf } from './labels-pdf.server';
export { submitSuspiciousReport } from './reports.server';
export { loadScanPage } from './scan-page.server';
export { issueStamps, resumeIssueJobs, STALLED_ISSUE_MS } from './stamp-issues.server';
export { labelsForPrint, revokeStamps, stampUrl } from './stamps.server';
