import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { OrderTables } from './schema-orders';
import type { ReviewTables } from './schema-reviews';
import type { TraceabilityTables } from './schema-traceability';

/** ISO 8601 UTC timestamp text, e.g. 2026-11-22T09:00:00.000Z. */
export type Timestamp = string;
/** Calendar date text, YYYY-MM-DD. */
export type DateText = string;

export interface ProvinceTable {
  code: string;
  name: string;
  full_name: string;
  slug: string;
  kind: 'province' | 'city';
  /** JSON array of names the unit had before the 2025 merger. */
  former_names: string;
}

export interface CommuneTable {
  code: string;
  province_code: string;
  name: string;
  full_name: string;
  slug: string;
  kind: 'commune' | 'ward' | 'special_zone';
  former_names: string;
}

/** Searches that found nothing or little, per ISO week and province; no buyer identity (0010). */
export interface SearchDemandTable {
  id: Generated<number>;
  week: string;
  province_code: Generated<string>;
  query: string;
  searches: Generated<number>;
  zero_results: Generated<number>;
  fewest_results: Generated<number>;
  last_searched_at: string;
}

export interface OrganizationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: 'cooperative' | 'cooperative_group' | 'household' | 'enterprise';
  province_code: string;
  commune_code: string | null;
  address_line: string;
  phone: string;
  tax_code: string | null;
  description: string;
  logo_key: string | null;
  /** `changes_requested` (0006): back with the cooperative with the officer's note in rejection_reason. */
  verification_state: 'pending' | 'approved' | 'rejected' | 'changes_requested';
  rejection_reason: string | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
  created_by_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  reviewed_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** From this goods subtotal on, the cooperative delivers for free (null: never free). */
  free_delivery_from_vnd: ColumnType<number | null, number | null | undefined, number | null>;
}

export type ProductStatus =
  'draft' | 'submitted' | 'published' | 'rejected' | 'archived' | 'changes_requested';

export interface ProductTable {
  id: Generated<number>;
  organization_id: number;
  slug: string;
  name: string;
  /** Folded name; unique per organization so one cooperative cannot list the same product twice. */
  name_key: string;
  description: string;
  ocop_group: 'food' | 'beverage' | 'herbal' | 'textile' | 'souvenir' | 'tourism';
  category: string;
  unit: string;
  net_quantity: string;
  weight_g: number | null;
  price_vnd: number;
  /** Written only by app/catalogue/stock.server.ts, each change with a stock_movements row (0 at insert). */
  stock: ColumnType<number, number | undefined, number>;
  gtin: string | null;
  status: ProductStatus;
  rejection_reason: string | null;
  origin_commune_code: string | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
  published_at: Timestamp | null;
  submitted_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

export interface ProductImageTable {
  id: Generated<number>;
  product_id: number;
  /** Storage key of the largest variant; smaller variants share the key with a width suffix. */
  storage_key: string;
  width: number;
  height: number;
  position: number;
  alt: string;
}

export interface OcopCertificateTable {
  id: Generated<number>;
  product_id: number;
  stars: 3 | 4 | 5;
  certificate_no: string;
  issuer: string;
  issued_on: DateText;
  expires_on: DateText;
  scan_key: string | null;
  /** `changes_requested` (0006): the officer's note is in review_note; the cooperative resubmits. */
  review_state: 'pending' | 'approved' | 'rejected' | 'changes_requested';
  review_note: string | null;
  scan_content_type: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
}

export interface CertificationTable {
  id: Generated<number>;
  product_id: number;
  kind: 'vietgap' | 'organic' | 'geographical_indication';
  reference: string;
  issued_on: DateText | null;
  expires_on: DateText | null;
}

/** One row per product whose search documents must be (re)sent to the external engine. */
export interface SearchOutboxTable {
  id: Generated<number>;
  product_id: number;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  /** When Meilisearch got the change (null: pending). */
  processed_at: Timestamp | null;
  /** When the embedded SQLite index got the change (null: pending); independent of processed_at. */
  embedded_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

/** Filter and sort columns of the embedded engine, one row per indexable product. */
export interface ProductSearchTable {
  product_id: number;
  province_code: string;
  commune_code: string | null;
  ocop_group: string;
  ocop_stars: number | null;
  /** ocop_stars or 0, so "best rated first" can walk an index. */
  stars_rank: number;
  price_vnd: number;
  in_stock: number;
  created_at: Timestamp;
  /** Folded name, to rank products whose name holds the typed words above synonym or description matches. */
  name_folded: string;
  /** The whole SearchDocument as JSON, so a hit needs no further joins. */
  document: string;
  /** PostgreSQL only (0009_postgres_search): folded text per field, SQLite keeps it in product_fts. */
  fts_name?: string;
  fts_cooperative?: string;
  fts_place?: string;
  fts_category?: string;
  fts_description?: string;
}

/** One row (id 1): bumped by triggers on every catalogue write (migration 0014, decision 015). */
export interface CatalogueVersionTable {
  id: number;
  version: number;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface UserTable {
  id: Generated<number>;
  email: string | null;
  /** E.164, e.g. +84912345678. */
  phone: string | null;
  display_name: string;
  password_hash: string;
  is_admin: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionTable {
  /** SHA-256 of the random id in the cookie: a stolen database does not yield live sessions. */
  id_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface OrganizationMemberTable {
  organization_id: number;
  user_id: number;
  role: 'owner' | 'staff' | 'helper';
  created_at: Timestamp;
}

export interface OrganizationInvitationTable {
  id: Generated<number>;
  organization_id: number;
  /** Normalised phone (E.164) or lower-cased e-mail. */
  identifier: string;
  role: 'owner' | 'staff' | 'helper';
  invited_by: number;
  created_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface OfficerAssignmentTable {
  user_id: number;
  province_code: string;
  created_at: Timestamp;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
}

export interface RateLimitEventTable {
  key: string;
  at_ms: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null;
  organization_id: number | null;
  province_code: string | null;
  entity_type: string;
  entity_id: number;
  action: string;
  /** JSON object: field → [before, after]. */
  changes: string;
  created_at: Timestamp;
}

/** Why products.stock changed (app/catalogue/stock.server.ts is the only writer). */
export type StockMovementReason =
  'opening' | 'seed' | 'import' | 'adjustment' | 'sale' | 'cancel_release' | 'expiry_release';

/** A column of an append-only table: written once on insert, never updated. */
type WrittenOnce<T> = ColumnType<T, T, never>;

/** Every change to a product's stock, append-only (a trigger refuses updates). */
export interface StockMovementTable {
  id: ColumnType<number, never, never>;
  product_id: WrittenOnce<number>;
  /** Units added (positive) or taken (negative); never 0. */
  delta: WrittenOnce<number>;
  stock_after: WrittenOnce<number>;
  reason: WrittenOnce<StockMovementReason>;
  /** The producer's words for an adjustment ("new harvest", "damaged goods"). */
  note: ColumnType<string | null, string | null | undefined, never>;
  order_id: ColumnType<number | null, number | null | undefined, never>;
  checkout_id: ColumnType<number | null, number | null | undefined, never>;
  user_id: ColumnType<number | null, number | null | undefined, never>;
  created_at: WrittenOnce<Timestamp>;
}

/** One certified product of the province's official OCOP register, matched (by an officer) to a listing. */
export interface OcopRegisterEntryTable {
  id: Generated<number>;
  province_code: string;
  product_name: string;
  producer: string;
  stars: 3 | 4 | 5;
  certificate_no: string;
  decision_date: DateText;
  expires_on: DateText;
  ocop_group: string;
  commune_code: string | null;
  matched_product_id: number | null;
  matched_by: number | null;
  matched_at: Timestamp | null;
  imported_at: Timestamp;
}

/** A decision of the trade office told to a cooperative (0015): shown in the seller area. */
export interface NoticeTable {
  id: Generated<number>;
  organization_id: number;
  product_id: number | null;
  subject: 'listing' | 'ocop' | 'organization';
  decision: 'approved' | 'rejected' | 'changes_requested';
  /** The product's (or, for an organization decision, the organization's) name when written. */
  subject_name: string;
  /** The officer's reason or note; null for an approval. */
  note: string | null;
  created_at: Timestamp;
}

/** How far each user has read the notices of their organizations (migration 0017). */
export interface NoticeReadTable {
  user_id: number;
  /** The highest notice id the user has read; every notice of theirs above it is unread. */
  last_read_id: number;
  read_at: Timestamp;
}

export interface Database extends OrderTables, TraceabilityTables, ReviewTables {
  notices: NoticeTable;
  notice_reads: NoticeReadTable;
  app_meta: AppMetaTable;
  catalogue_version: CatalogueVersionTable;
  provinces: ProvinceTable;
  communes: CommuneTable;
  organizations: OrganizationTable;
  products: ProductTable;
  product_images: ProductImageTable;
  ocop_certificates: OcopCertificateTable;
  certifications: CertificationTable;
  search_outbox: SearchOutboxTable;
  search_demand: SearchDemandTable;
  product_search: ProductSearchTable;
  users: UserTable;
  sessions: SessionTable;
  organization_members: OrganizationMemberTable;
  organization_invitations: OrganizationInvitationTable;
  officer_assignments: OfficerAssignmentTable;
  password_resets: PasswordResetTable;
  email_outbox: EmailOutboxTable;
  rate_limit_events: RateLimitEventTable;
  audit_log: AuditLogTable;
  stock_movements: StockMovementTable;
  ocop_register_entries: OcopRegisterEntryTable;
}

export type Province = Selectable<ProvinceTable>;
export type Commune = Selectable<CommuneTable>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type ProductRow = Selectable<ProductTable>;
export type NewProduct = Insertable<ProductTable>;
export type ProductUpdate = Updateable<ProductTable>;
export type OcopCertificateRow = Selectable<OcopCertificateTable>;
