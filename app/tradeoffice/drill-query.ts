import { isOcopGroup } from '~/catalogue';
import { formatMessage } from '~/i18n/messages';
import { drillColumnNames, tradeofficeMessages as m } from '~/i18n/messages/tradeoffice';
import { invalid, type Message } from '~/lib/errors';
import { foldKey } from './parse-helpers';
import { SALES_METHODS, type SalesFilter, type SalesMethod } from './sales';
import { STAMP_FIGURES } from './stamps';

/**
 * "Each figure drillable to the rows behind it": for every number on the dashboard, the rows that were
 * counted to make it, computed by the same functions as the number itself so the two cannot drift.
 */
export const DRILL_FIGURES = [
  'valid',
  'online',
  'todo',
  'month',
  'month-online',
  'expiring',
  'expired-listed',
  'not-in-register',
  'queue-organizations',
  'queue-listings',
  'queue-claims',
  'sales',
  ...STAMP_FIGURES,
] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];

export interface DrillQuery {
  figure: DrillFigure;
  stars?: number;
  group?: string;
  /** '' for register entries without a commune. */
  commune?: string;
  /** Folded with `foldKey`, as the to-do groups are. */
  producer?: string;
  month?: string;
  method?: SalesFilter['method'];
}

export type Cell = string | number | null;
export interface DrillColumn {
  key: string;
  label: Message;
  /** The cells hold OCOP group codes: the page names them in its language, the CSV in Vietnamese. */
  ocopGroups?: true;
}
export interface DrillTable {
  columns: DrillColumn[];
  rows: Array<Record<string, Cell>>;
  /** Where each row's item can be looked at, when there is such a page. */
  links: Array<string | null>;
}

/** Reads and checks the query string; every bad value is a 400 with a Vietnamese message. */
export function parseDrillQuery(params: URLSearchParams): DrillQuery {
  const figure = params.get('figure') ?? '';
  if (!(DRILL_FIGURES as readonly string[]).includes(figure))
    throw invalid('figure', formatMessage(m.figureUnknown, { figure }));
  const query: DrillQuery = { figure: figure as DrillFigure };
  const stars = params.get('stars');
  if (stars !== null) {
    if (!/^[345]$/.test(stars)) throw invalid('stars', m.starsInvalid);
    query.stars = Number(stars);
  }
  const group = params.get('group');
  if (group !== null) {
    if (!isOcopGroup(group)) throw invalid('group', formatMessage(m.groupUnknown, { group }));
    query.group = group;
  }
  const commune = params.get('commune');
  if (commune !== null) {
    if (!/^\d{0,5}$/.test(commune)) throw invalid('commune', m.communeCodeInvalid);
    query.commune = commune;
  }
  const producer = params.get('producer');
  if (producer !== null) query.producer = foldKey(producer);
  const month = params.get('month');
  if (month !== null) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalid('month', m.monthFormat);
    query.month = month;
  }
  const method = params.get('method');
  if (method !== null) {
    if (![...SALES_METHODS, 'cashless'].includes(method as SalesMethod))
      throw invalid('method', m.methodUnknown);
    query.method = method as SalesFilter['method'];
  }
  if ((query.figure === 'month' || query.figure === 'month-online') && !query.month)
    throw invalid('month', m.monthRequired);
  return query;
}

export type ColumnKey = keyof typeof drillColumnNames;

/** A drill-down column: its key (the CSV header) and the name the page shows, by default its own. */
export const col = (key: ColumnKey, label: Message = drillColumnNames[key]): DrillColumn => ({
  key,
  label,
});
