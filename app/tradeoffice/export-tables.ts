import { z } from 'zod';

/**
 * The dashboard's downloads (`/so-cong-thuong/xuat?tinh=12&bang=…`): CSV of its tables and the monthly
 * report as XLSX. An unknown or missing `bang` gives the KPI tables, as the first link did.
 */
export const EXPORT_TABLES = [
  'kpi',
  'todo',
  'chung-nhan',
  'ban-hang',
  'tem',
  'bao-cao-thang',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export const exportRequestSchema = z.object({
  tinh: z.string().optional(),
  bang: z.enum(EXPORT_TABLES).catch('kpi'),
});
