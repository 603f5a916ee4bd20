// The accounts domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/accounts/ is internal (eslint: architecture/domain-boundaries).
export { loadActor } from './actor.server';
export { baseUrl, clientNetwork, signOut, startSession } from './http.server';
export { LIMITS, rateLimiter } from './rate-limit.server';
export { landingAfterSignIn, optionalActor, requireActor, safeRedirect } from './request.server';
export { DEMO_STAFF, ensureStaffAccount } from './staff-accounts.server';
export {
  generateToken,
  hashToken,
  isWellFormedToken,
  safeEqual,
  tokenMatchesHash,
} from './tokens.server';
export {
  completePasswordReset,
  getContactDetails,
  getUser,
  requestPasswordReset,
  signIn,
  signUp,
} from './users.server';
export {
  addMembership,
  createInvitation,
  listMemberships,
  memberEmails,
  membershipRole,
  removeMembership,
  type MembershipRole,
} from './memberships.server';
