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
  /** The actor is one of the organization's community helpers (tổ công nghệ số), so shown as such. */
  actorIsHelper: boolean;
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
    .leftJoin('organization_members as om', (join) =>
      join
        .onRef('om.organization_id', '=', 'a.organization_id')
        .onRef('om.user_id', '=', 'a.actor_user_id'),
    )
    .select([
      'a.id',
      'a.created_at',
      'u.display_name',
      'om.role',
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
    actorIsHelper: r.role === 'helper',
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    changes: JSON.parse(r.changes) as Changes,
  }));
}

export interface HelperActivity {
  helperUserId: number;
  helperName: string;
  organizationId: number;
  organizationName: string;
  /** Listings the helper created, and distinct listings they edited (details, photos, stock). */
  created: number;
  edited: number;
  firstAt: string;
  lastAt: string;
}

/**
 * Which community helpers worked for which cooperatives of a province, from the audit log: rows whose
 * actor holds the `helper` role in the row's organization (decision 017). Callers check the officer.
 */
export async function helperActivityInProvince(
  db: DB,
  provinceCode: string,
): Promise<HelperActivity[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .innerJoin('organization_members as om', (join) =>
      join
        .onRef('om.organization_id', '=', 'a.organization_id')
        .onRef('om.user_id', '=', 'a.actor_user_id'),
    )
    .innerJoin('users as u', 'u.id', 'om.user_id')
    .innerJoin('organizations as o', 'o.id', 'om.organization_id')
    .select(['a.entity_type', 'a.entity_id', 'a.action', 'a.created_at'])
    .select(['u.id as user_id', 'u.display_name', 'o.id as org_id', 'o.name as org_name'])
    .where('om.role', '=', 'helper')
    .where('o.province_code', '=', provinceCode)
    .where('a.entity_type', 'in', ['product', 'stock', 'certificate'])
    .orderBy('a.id')
    .execute();
  const groups = new Map<string, HelperActivity & { editedIds: Set<string> }>();
  for (const r of rows) {
    const key = `${r.user_id}:${r.org_id}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        helperUserId: r.user_id,
        helperName: r.display_name,
        organizationId: r.org_id,
        organizationName: r.org_name,
        created: 0,
        edited: 0,
        firstAt: r.created_at,
        lastAt: r.created_at,
        editedIds: new Set(),
      };
      groups.set(key, group);
    }
    if (r.entity_type === 'product' && r.action === 'created') group.created += 1;
    else group.editedIds.add(`${r.entity_type === 'certificate' ? 'c' : 'p'}${r.entity_id}`);
    group.lastAt = r.created_at;
  }
  return [...groups.values()]
    .map(({ editedIds, ...g }) => ({ ...g, edited: editedIds.size }))
    .sort(
      (a, b) =>
        a.helperName.localeCompare(b.helperName, 'vi') ||
        a.organizationName.localeCompare(b.organizationName, 'vi'),
    );
}
