import type { DB } from '~db/connection.server';
import { type Actor, requireOrgOwner } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { invalid } from '~/lib/errors';

// The cooperative's delivery settings live on its organization row, which the catalogue owns; the
// orders domain reads them when it prices a shipment.
export const MAX_FREE_DELIVERY_FROM_VND = 100_000_000;

/**
 * The cooperative's own free-delivery threshold: from this goods subtotal on, its part of an order
 * ships free (the cooperative bears the fee). Owners only; null removes it. Audited.
 */
export async function setFreeDeliveryThreshold(
  db: DB,
  actor: Actor,
  organizationId: number,
  amountVnd: number | null,
  now = new Date(),
) {
  requireOrgOwner(actor, organizationId);
  if (
    amountVnd !== null &&
    (!Number.isSafeInteger(amountVnd) || amountVnd <= 0 || amountVnd > MAX_FREE_DELIVERY_FROM_VND)
  ) {
    throw invalid('freeDeliveryFrom', m.freeDeliveryThreshold);
  }
  await db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom('organizations')
      .select(['free_delivery_from_vnd', 'province_code'])
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    if (org.free_delivery_from_vnd === amountVnd) return;
    await trx
      .updateTable('organizations')
      .set({ free_delivery_from_vnd: amountVnd, updated_at: now.toISOString() })
      .where('id', '=', organizationId)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId,
        provinceCode: org.province_code,
        entityType: 'organization',
        entityId: organizationId,
        action: 'organization.free_delivery',
        changes: { free_delivery_from_vnd: [org.free_delivery_from_vnd, amountVnd] },
      },
      now,
    );
  });
}

export async function freeDeliveryThreshold(
  db: DB,
  organizationId: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('organizations')
    .select('free_delivery_from_vnd')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return row?.free_delivery_from_vnd ?? null;
}
