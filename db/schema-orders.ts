// Tables of the orders and payments area; created by 0004_orders, wallets and gateways by 0012.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema';

type CheckoutPaymentState = 'awaiting' | 'paid' | 'cash_on_delivery' | 'expired' | 'cancelled';
type Method = 'vietqr' | 'card' | 'cod' | 'vnpay' | 'momo' | 'zalopay';
/** The gateways a buyer is redirected to (0012_wallet_payments). */
export type GatewayName = 'vnpay' | 'momo' | 'zalopay';

export interface CartTable {
  id: Generated<number>;
  token_hash: string | null;
  user_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CartItemTable {
  cart_id: number;
  product_id: number;
  quantity: number;
  price_vnd_when_added: number;
  added_at: Timestamp;
}

export interface CheckoutTable {
  id: Generated<number>;
  /** The payment reference (TT…), also the transfer message of a VietQR payment. */
  reference: string;
  access_token_hash: string;
  buyer_user_id: number | null;
  contact_name: string;
  contact_phone: string;
  contact_email: string | null;
  province_code: string;
  commune_code: string;
  street: string;
  note: ColumnType<string, string | undefined, string>;
  payment_method: Method;
  goods_vnd: number;
  delivery_vnd: number;
  total_vnd: number;
  received_vnd: ColumnType<number, number | undefined, number>;
  payment_state: CheckoutPaymentState;
  pay_by: Timestamp | null;
  paid_at: Timestamp | null;
  stripe_session_id: string | null;
  stripe_payment_intent_id: string | null;
  created_at: Timestamp;
  /** The gateway's order id (our attempt id: reference + suffix) of the payment that paid it. */
  gateway_order_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The gateway's own transaction id (vnp_TransactionNo, MoMo transId, ZaloPay zp_trans_id). */
  gateway_transaction_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the gateway says it was paid, as it says it (VNPay's refund API needs vnp_PayDate back). */
  gateway_paid_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrderTable {
  id: Generated<number>;
  code: string;
  checkout_id: number;
  organization_id: number;
  state:
    | 'placed'
    | 'paid'
    | 'cod_accepted'
    | 'accepted'
    | 'shipped'
    | 'delivered'
    | 'completed'
    | 'cancelled'
    | 'refunded';
  payment_method: Method;
  goods_vnd: number;
  delivery_vnd: number;
  total_vnd: number;
  paid_vnd: ColumnType<number, number | undefined, number>;
  weight_g: number;
  carrier: string | null;
  tracking_number: string | null;
  /** JSON array of lot codes shipped. */
  shipped_lots: ColumnType<string, string | undefined, string>;
  cancel_reason: string | null;
  /** 1 when money was received for an order that was then cancelled: the operator must refund it. */
  refund_due: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderItemTable {
  order_id: number;
  product_id: number;
  product_name: string;
  unit: string;
  unit_price_vnd: number;
  quantity: number;
  weight_g: number;
}

export interface OrderHistoryTable {
  id: Generated<number>;
  order_id: number;
  from_state: string;
  to_state: string;
  event: string;
  actor_role: 'buyer' | 'cooperative' | 'operator' | 'system';
  actor_user_id: number | null;
  at: Timestamp;
  reason: string | null;
  carrier: string | null;
  tracking_number: string | null;
  lots: ColumnType<string, string | undefined, string>;
}

export type PaymentOutcome =
  | 'applied'
  | 'applied_overpaid'
  | 'held_unmatched'
  | 'held_short'
  | 'held_late'
  | 'held_already_paid'
  | 'refund'
  | 'ignored';

export interface PaymentEventTable {
  id: Generated<number>;
  provider: 'bank' | 'stripe' | 'operator' | GatewayName;
  external_id: string;
  checkout_id: number | null;
  amount_vnd: number;
  description: ColumnType<string, string | undefined, string>;
  occurred_at: Timestamp;
  received_at: Timestamp;
  outcome: PaymentOutcome;
  review_state: 'none' | 'open' | 'resolved';
  resolved_by: number | null;
  resolved_at: Timestamp | null;
  resolution_note: string | null;
}

export interface RefundTable {
  id: Generated<number>;
  order_id: number;
  amount_vnd: number;
  method: 'stripe' | 'bank_transfer' | GatewayName;
  stripe_refund_id: string | null;
  gateway_refund_id: ColumnType<string | null, string | null | undefined, string | null>;
  reason: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface LedgerEntryTable {
  id: Generated<number>;
  organization_id: number;
  order_id: number | null;
  kind: 'earning' | 'reversal' | 'payout';
  gross_vnd: number;
  commission_vnd: ColumnType<number, number | undefined, number>;
  /** Signed: earnings positive, reversals and payouts negative. */
  amount_vnd: number;
  note: ColumnType<string, string | undefined, string>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface OrderTables {
  carts: CartTable;
  cart_items: CartItemTable;
  checkouts: CheckoutTable;
  orders: OrderTable;
  order_items: OrderItemTable;
  order_history: OrderHistoryTable;
  payment_events: PaymentEventTable;
  refunds: RefundTable;
  ledger_entries: LedgerEntryTable;
}
