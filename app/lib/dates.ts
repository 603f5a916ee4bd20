/** Dates cross the database boundary as `YYYY-MM-DD` (calendar dates) or ISO UTC timestamps. */
const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Parses `YYYY-MM-DD` or `DD/MM/YYYY` into `YYYY-MM-DD`, rejecting impossible dates (31/02/2025). */
export function parseCalendarDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const vietnamese = iso ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!iso && !vietnamese) return null;
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(vietnamese?.[3]), Number(vietnamese?.[2]), Number(vietnamese?.[1])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

/** `2024-01-31` + 36 months → `2027-01-31`; clamps to the month's last day (`2024-02-29` + 12 → `2025-02-28`). */
export function addMonths(isoDate: string, months: number): string {
  const [year = NaN, month = NaN, day = NaN] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** `2027-01-31` → `31/01/2027`. Calendar dates have no time zone. */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A UTC timestamp shown in Vietnam time: `22/11/2026 16:05`. */
// Formatters are costly to build (a profile of the checkout benchmark showed it): build each once.
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const calendarDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function formatDateTime(isoTimestamp: string): string {
  const parts = dateTimeFormat.formatToParts(new Date(isoTimestamp));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** Today's calendar date in Vietnam (certificates expire at the end of a Vietnamese day). */
export function todayInVietnam(now = new Date()): string {
  return calendarDayFormat.format(now);
}
