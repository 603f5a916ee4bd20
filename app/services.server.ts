import type { DB } from '~db/connection.server';
import type { SearchService } from '~/search/index.server';
import type { StampKeyring } from '~/traceability/index.server';
import type { PaymentProviders } from '~/payments/index.server';
import type { DeliveryFeeTable } from '~/orders';
import type { Config } from '~/lib/config.server';
import type { Logger } from '~/lib/log.server';

/** Long-lived objects the server creates once and hands to every loader and action. */
export interface AppServices {
  config: Config;
  db: DB;
  search: SearchService;
  /** Pending and failing search-outbox rows (null when no external engine is used). */
  searchSyncStatus(): Promise<{
    pending: number;
    failing: number;
    oldestPendingAt: string | null;
    lastError: string | null;
  } | null>;
  log: Logger;
  /** Keys that sign and verify traceability stamp authenticators. */
  stampKeyring: StampKeyring;
  /** The payment methods the operator configured (VietQR, Stripe cards, cash on delivery). */
  payments: PaymentProviders;
  deliveryFees: DeliveryFeeTable;
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: AppServices;
    requestId: string;
    /** This response's Content-Security-Policy script nonce (server/csp.ts). */
    cspNonce: string;
  }
}
