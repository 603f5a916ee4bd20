import { forbidden, notFound } from '~/lib/errors';

/**
 * `helper`: a member of a commune's digital technology team (tổ công nghệ số cộng đồng) whom an owner
 * invited to list and edit on the cooperative's behalf (decision 017): listings, photos, stock and
 * claims like staff, but not members, orders, money or the organization's details.
 */
export type MemberRole = 'owner' | 'staff' | 'helper';

/** Everything a permission check needs to know about who is acting; loaded once per request. */
export interface Actor {
  userId: number;
  isAdmin: boolean;
  memberships: Array<{ organizationId: number; role: MemberRole }>;
  /** Provinces this user is a trade office officer of. */
  officerProvinceCodes: string[];
}

/** What the checks need to know about an organization. */
export interface OrgScope {
  id: number;
  provinceCode: string;
}

/*
 * 404 or 403? When the actor may not even learn that a thing exists (another cooperative's drafts, edit
 * pages, uploads, audit log, reached by guessing ids), the answer is 404, exactly what a missing id gets,
 * so guessing reveals nothing. 403 is for what the actor can already see but may not do: a staff member
 * trying an owner-only action in their own cooperative, a buyer opening the officer pages, an officer
 * acting in another province (province codes are public).
 *
 * Buyers need no rule: every signed-in user is one. Admins pass officer checks everywhere and may view
 * any organization's private data, but they are not members: acting *as* a cooperative stays with members.
 */

export function roleIn(actor: Actor, organizationId: number): MemberRole | null {
  return actor.memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
}

export function isMember(actor: Actor, organizationId: number): boolean {
  return roleIn(actor, organizationId) !== null;
}

export function isOrgOwner(actor: Actor, organizationId: number): boolean {
  return roleIn(actor, organizationId) === 'owner';
}

/** Members (owner, staff or helper) create and edit their cooperative's listings, photos and stock. */
export function requireOrgMember(actor: Actor, organizationId: number): void {
  if (!isMember(actor, organizationId)) throw notFound();
}

export function isHelperIn(actor: Actor, organizationId: number): boolean {
  return roleIn(actor, organizationId) === 'helper';
}

/** Orders, the ledger and payouts: the cooperative's own people (owner or staff), not its helpers. */
export function isOrgTrader(actor: Actor, organizationId: number): boolean {
  const role = roleIn(actor, organizationId);
  return role === 'owner' || role === 'staff';
}

/** Helpers know the cooperative (403); strangers get 404 as for any private page. */
export function requireOrgTrader(actor: Actor, organizationId: number): void {
  const role = roleIn(actor, organizationId);
  if (role === null) throw notFound();
  if (role === 'helper') throw forbidden();
}

/** Owner-only: inviting and removing staff, editing the organization itself. */
export function requireOrgOwner(actor: Actor, organizationId: number): void {
  const role = roleIn(actor, organizationId);
  if (role === null) throw notFound();
  if (role !== 'owner') throw forbidden();
}

export function isOfficerFor(actor: Actor, provinceCode: string): boolean {
  return actor.isAdmin || actor.officerProvinceCodes.includes(provinceCode);
}

/** Review and trade office work in one province: its officers and admins. */
export function requireOfficerFor(actor: Actor, provinceCode: string): void {
  if (!isOfficerFor(actor, provinceCode)) throw forbidden();
}

/** The officer pages at all (an officer of any province, or an admin). */
export function requireOfficer(actor: Actor): void {
  if (!actor.isAdmin && actor.officerProvinceCodes.length === 0) throw forbidden();
}

export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw forbidden();
}

/** Private data of an organization (drafts, members, uploads): its members, officers of its province, admins. */
export function canViewOrgPrivate(actor: Actor, org: OrgScope): boolean {
  return isMember(actor, org.id) || isOfficerFor(actor, org.provinceCode);
}

export function requireOrgPrivate(actor: Actor, org: OrgScope): void {
  if (!canViewOrgPrivate(actor, org)) throw notFound();
}

/** The audit log: owners of the organization, officers of its province and admins (not staff). */
export function canReadAuditLog(actor: Actor, org: OrgScope): boolean {
  return isOrgOwner(actor, org.id) || isOfficerFor(actor, org.provinceCode);
}

/** Staff know their cooperative exists, so they get 403; strangers get 404. */
export function requireAuditReader(actor: Actor, org: OrgScope): void {
  if (canReadAuditLog(actor, org)) return;
  if (isMember(actor, org.id)) throw forbidden();
  throw notFound();
}

/**
 * Where a user lands after signing in when no page asked for them: an admin on the operator's pages,
 * an officer on the trade office dashboard, a cooperative member in the seller area, anyone else (a
 * buyer) on the shop. Officers used to land in the seller area and be told to register a cooperative.
 */
export function landingPath(actor: Actor): string {
  if (actor.isAdmin) return '/quan-tri/thanh-toan';
  if (actor.officerProvinceCodes.length > 0) return '/so-cong-thuong';
  if (actor.memberships.length > 0) return '/kenh-nguoi-ban';
  return '/';
}
