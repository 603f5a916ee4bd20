import { ensureStaffAccount } from '~/accounts/index.server';
import { openForScript } from './lib/open';

// npm run create-staff -- <phone-or-email> "<full name>" --admin
// npm run create-staff -- <phone-or-email> "<full name>" --officer 12 [--officer 15]
// The password is read from the STAFF_PASSWORD environment variable, so it stays out of shell history.
const [identifier, displayName, ...flags] = process.argv.slice(2);
const password = process.env.STAFF_PASSWORD ?? '';
const officerProvinceCodes = flags.flatMap((flag, i) => {
  const code = flags[i + 1];
  return flag === '--officer' && code ? [code] : [];
});
if (
  !identifier ||
  !displayName ||
  password.length < 12 ||
  (!flags.includes('--admin') && officerProvinceCodes.length === 0)
) {
  console.error(
    'Usage: STAFF_PASSWORD=<at least 12 characters> npm run create-staff -- <phone-or-email> "<full name>" (--admin | --officer <province code>…)',
  );
  process.exit(2);
}
const { db } = await openForScript();
const id = await ensureStaffAccount(db, {
  identifier,
  displayName,
  password,
  admin: flags.includes('--admin'),
  officerProvinceCodes,
});
console.log(
  `Account ${id} ready: ${flags.includes('--admin') ? 'admin' : `officer of ${officerProvinceCodes.join(', ')}`}.`,
);
await db.destroy();
