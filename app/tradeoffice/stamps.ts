/** Stamp figures of the dashboard; the window of scans, flagged stamps and reports, in Vietnamese days. */
export const STAMP_FIGURES = [
  'stamps-issued',
  'stamps-scanned',
  'stamps-copied',
  'stamp-reports',
] as const;
export type StampFigure = (typeof STAMP_FIGURES)[number];
export const STAMP_WINDOW_DAYS = 30;
