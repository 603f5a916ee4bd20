// Tables of the traceability area (batches, journey events, stamps, scans); created by 0005_traceability.
import type { ColumnType, Generated } from 'kysely';
import type { DateText, Timestamp } from './schema';

/** Rows that are written once and never changed (append-only tables). */
type Fixed<T> = ColumnType<T, T, never>;

export type JourneyStepKind =
  'planting' | 'care' | 'harvest' | 'processing' | 'packaging' | 'inspection' | 'shipping';
/** A correction is its own kind and points at the event it corrects (corrects_event_id). */
export type BatchEventKind = JourneyStepKind | 'correction';
export type StampIssueStatus = 'queued' | 'running' | 'done' | 'failed';
export type ScanVerdict = 'genuine' | 'possibly_copied' | 'revoked' | 'expired' | 'not_genuine';

/** A lot of one product; lot_code is unique per product. */
export interface BatchTable {
  id: Generated<number>;
  product_id: number;
  /** The product's organization, denormalised for permission checks and the trade office's counts. */
  organization_id: number;
  lot_code: string;
  /** GTIN-14 of the product when the batch was created (stamps sign it); null: short stamp codes. */
  gtin: ColumnType<string | null, string | null, never>;
  /** Production or harvest date. */
  produced_on: DateText;
  expires_on: DateText | null;
  quantity: number;
  quantity_unit: string;
  commune_code: string;
  latitude: number | null;
  longitude: number | null;
  area_name: ColumnType<string, string | undefined, string>;
  notes: ColumnType<string, string | undefined, string>;
  created_by: number | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
}

/** Append-only (triggers refuse UPDATE and DELETE); a correction is a new row with corrects_event_id. */
export interface BatchEventTable {
  id: Generated<number>;
  batch_id: Fixed<number>;
  kind: Fixed<BatchEventKind>;
  occurred_at: Fixed<Timestamp>;
  commune_code: Fixed<string | null>;
  place: ColumnType<string, string | undefined, never>;
  description: ColumnType<string, string | undefined, never>;
  /** JSON object of kind-specific fields, see app/traceability/batches.server.ts (EventDetails). */
  details: ColumnType<string, string | undefined, never>;
  corrects_event_id: ColumnType<number | null, number | null | undefined, never>;
  recorded_by: Fixed<number | null>;
  recorded_at: Fixed<Timestamp>;
}

export interface BatchEventPhotoTable {
  id: Generated<number>;
  event_id: Fixed<number>;
  /** Storage key of the largest variant (same pipeline as product photos). */
  storage_key: Fixed<string>;
  width: Fixed<number>;
  height: Fixed<number>;
  position: ColumnType<number, number | undefined, never>;
  alt: ColumnType<string, string | undefined, never>;
}

/** One issue request: serials serial_start … serial_start + count − 1 of the batch. */
export interface StampIssueTable {
  id: Generated<number>;
  batch_id: number;
  serial_start: number;
  count: number;
  status: StampIssueStatus;
  /** Serials processed so far (equals count when done). */
  progress: ColumnType<number, number | undefined, number>;
  /** The key id that signs this range's authenticators. */
  key_id: string;
  requested_by: number | null;
  requested_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  error: string | null;
}

export interface StampRevocationTable {
  id: Generated<number>;
  batch_id: number;
  serial_start: number;
  count: number;
  reason: string;
  revoked_by: number | null;
  revoked_at: Timestamp;
}

/** A scan of one stamp; only the network prefix (IPv4 /24, IPv6 /48) is kept, never the address. */
export interface StampScanTable {
  id: Generated<number>;
  batch_id: number;
  serial: number;
  scanned_at: Timestamp;
  network_prefix: string;
  verdict: ScanVerdict;
}

/** A buyer's "suspicious product" report about a batch (and the scanned stamp, when known). */
export interface StampReportTable {
  id: Generated<number>;
  batch_id: number;
  serial: number | null;
  message: string;
  contact: string | null;
  created_at: Timestamp;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
}

export interface TraceabilityTables {
  batches: BatchTable;
  batch_events: BatchEventTable;
  batch_event_photos: BatchEventPhotoTable;
  stamp_issues: StampIssueTable;
  stamp_revocations: StampRevocationTable;
  stamp_scans: StampScanTable;
  stamp_reports: StampReportTable;
}
