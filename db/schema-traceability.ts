// Tables of the traceability area (batches, journey events, stamps, scans); created by 0005_traceability.
import type { ColumnType, Generated } from 'kysely';
import type { DateText, Timestamp } from './schema';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TraceabilityTables {}
