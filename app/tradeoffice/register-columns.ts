/** The official register's columns, in this order; see docs/register-format.md. */
export const REGISTER_COLUMNS = [
  'product_name',
  'producer',
  'stars',
  'certificate_no',
  'decision_date',
  'expires_on',
  'group',
  'commune',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];
