import type { DB } from '~db/connection.server';

export type Changes = Record<string, [unknown, unknown]>;

export interface AuditEntry {
  actorUserId: number | null;
  organizationId: number | null;
  provinceCode: string | null;
  entityType:
    | 'organization'
    | 'product'
    | 'certificate'
    | 'membership'
    | 'officer'
    | 'stock'
    | 'order'
    | 'payment'
    | 'refund'
    | 'payout'
    | 'batch'
    | 'stamp'
    | 'review';
  entityId: number;
  action: string;
  changes?: Changes;
}

/** Records who changed what, in the same transaction as the change. */
export async function recordAudit(trx: DB, entry: AuditEntry, now = new Date()): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_user_id: entry.actorUserId,
      organization_id: entry.organizationId,
      province_code: entry.provinceCode,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      action: entry.action,
      changes: JSON.stringify(entry.changes ?? {}),
      created_at: now.toISOString(),
    })
    .execute();
}

/** Field-by-field differences between two snapshots, for the audit log. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && before[key] !== value) changes[key] = [before[key] ?? null, value];
  }
  return changes;
}

export interface AuditRow {
  id: number;
  createdAt: string;
  actorName: string | null;
  entityType: string;
  entityId: number;
  action: string;
  changes: Changes;
}

/** Read side; callers check permission first (owners of the organization, officers of its province). */
export async function listAuditForOrganization(
  db: DB,
  organizationId: number,
  limit = 200,
): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.created_at',
      'u.display_name',
      'a.entity_type',
      'a.entity_id',
      'a.action',
      'a.changes',
    ])
    .where('a.organization_id', '=', organizationId)
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    actorName: r.display_name ?? null,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    changes: JSON.parse(r.changes) as Changes,
  }));
}
