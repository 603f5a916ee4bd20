// The audit domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/audit/ is internal (eslint: architecture/domain-boundaries).
export {
  diff,
  type HelperActivity,
  helperActivityInProvince,
  listAuditForOrganization,
  recordAudit,
} from './audit-log.server';
