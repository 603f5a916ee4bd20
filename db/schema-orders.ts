// Tables of the orders and payments area; created by 0004_orders.
import type { ColumnType, Generated } from 'kysely';
import type { DateText, Timestamp } from './schema';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface OrderTables {}
