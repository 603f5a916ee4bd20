// Tables of the reviews domain; created by 0013_reviews.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema';

export interface ProductReviewTable {
  id: Generated<number>;
  order_id: number;
  product_id: number;
  organization_id: number;
  /** Null for a guest's review (proved by the checkout key or an order lookup). */
  author_user_id: number | null;
  /** What buyers see: the given name from the order's recipient, or the account's display name. */
  author_name: string;
  rating: number;
  body: ColumnType<string, string | undefined, string>;
  state: ColumnType<'visible' | 'hidden', 'visible' | 'hidden' | undefined, 'visible' | 'hidden'>;
  hidden_reason: string | null;
  hidden_by: number | null;
  hidden_at: Timestamp | null;
  reply_body: string | null;
  reply_by: number | null;
  reply_at: Timestamp | null;
  report_count: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

export interface ReviewPhotoTable {
  review_id: number;
  position: number;
  storage_key: string;
  width: number;
  height: number;
}

export interface ReviewReportTable {
  review_id: number;
  reporter_user_id: number;
  reason: string;
  created_at: Timestamp;
}

export interface ReviewTables {
  product_reviews: ProductReviewTable;
  review_photos: ReviewPhotoTable;
  review_reports: ReviewReportTable;
}
