// The accounts domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/accounts/ is internal (eslint: architecture/domain-boundaries).
export {
  type Actor,
  isHelperIn,
  isMember,
  isOfficerFor,
  isOrgOwner,
  isOrgTrader,
  landingPath,
  requireAdmin,
  requireOfficer,
  requireOfficerFor,
  requireOrgMember,
  requireOrgOwner,
  requireOrgPrivate,
  requireOrgTrader,
} from './permissions';
export { formatPhoneForDisplay, normalizeVietnamesePhone, parseLoginIdentifier } from './phone';
export {
  accountFormValues,
  newPasswordSchema,
  passwordResetRequestSchema,
  type SignInForm,
  signInSchema,
  signOutSchema,
  type SignUpForm,
  signUpSchema,
} from './account-forms';
