import { forbidden, notFound } from '~/lib/errors';

export type MemberRole = 'owner' | 'staff';

/** Everything a permission check needs to know about who is acting. */
export interface Actor {
  userId: number;
  isAdmin: boolean;
  memberships: Array<{ organizationId: number; role: MemberRole }>;
  /** Provinces this user is a trade office officer of. */
  officerProvinceCodes: string[];
}

/*
 * Rule: when the actor may not even know a thing exists (another cooperative's draft, edit page,
 * upload or audit log), the answer is 404, so guessing ids reveals nothing. 403 is for things the
 * actor can see but not do (a staff member trying an owner-only action, a buyer opening the officer queue).
 */

export function isMember(actor: Actor, organizationId: number): boolean {
  return actor.memberships.some((m) => m.organizationId === organizationId);
}

export function requireOrgMember(actor: Actor, organizationId: number): void {
  if (!isMember(actor, organizationId)) throw notFound();
}

export function requireOrgOwner(actor: Actor, organizationId: number): void {
  const membership = actor.memberships.find((m) => m.organizationId === organizationId);
  if (!membership) throw notFound();
  if (membership.role !== 'owner') throw forbidden();
}

export function isOfficerFor(actor: Actor, provinceCode: string): boolean {
  return actor.isAdmin || actor.officerProvinceCodes.includes(provinceCode);
}

export function requireOfficerFor(actor: Actor, provinceCode: string): void {
  if (!isOfficerFor(actor, provinceCode)) throw forbidden();
}

export function requireOfficer(actor: Actor): void {
  if (!actor.isAdmin && actor.officerProvinceCodes.length === 0) throw forbidden();
}

export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw forbidden();
}

/** Private data of an organization (drafts, audit log): its members, officers of its province, admins. */
export function canViewOrgPrivate(actor: Actor, org: { id: number; provinceCode: string }): boolean {
  return isMember(actor, org.id) || isOfficerFor(actor, org.provinceCode);
}

export function requireOrgPrivate(actor: Actor, org: { id: number; provinceCode: string }): void {
  if (!canViewOrgPrivate(actor, org)) throw notFound();
}

/** The audit log: owners of the organization and officers of its province. */
export function requireAuditReader(actor: Actor, org: { id: number; provinceCode: string }): void {
  const owner = actor.memberships.some((m) => m.organizationId === org.id && m.role === 'owner');
  if (owner || isOfficerFor(actor, org.provinceCode)) return;
  if (isMember(actor, org.id)) throw forbidden();
  throw notFound();
}
