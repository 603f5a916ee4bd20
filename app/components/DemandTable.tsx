import { Link } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';

export interface DemandLine {
  week: string;
  query: string;
  searches: number;
  fewestResults: number;
}

/**
 * Unmet searches (what buyers looked for and found nothing or little), for the trade office
 * dashboard and the seller home. `todoHref`: the trade office's to-do list, where the register's
 * products not yet online are.
 */
export function DemandTable({
  rows,
  heading,
  todoHref,
}: {
  rows: DemandLine[];
  heading: string;
  todoHref?: string;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="demand-h" data-testid="search-demand">
      <h2 id="demand-h">{heading}</h2>
      <p className="muted">{t('demandIntro')}</p>
      {rows.length === 0 ? (
        <p>{t('demandNone')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th>{t('demandWeek')}</th>
                <th>{t('demandQuery')}</th>
                <th>{t('demandSearches')}</th>
                <th>{t('demandResults')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.week}-${r.query}`}>
                  <td>{formatCalendarDate(r.week)}</td>
                  <td>
                    <Link to={`/san-pham?q=${encodeURIComponent(r.query)}`}>{r.query}</Link>
                  </td>
                  <td>{r.searches}</td>
                  <td>{r.fewestResults}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {todoHref ? (
        <p>
          <a href={todoHref}>{t('demandTodo')}</a>
        </p>
      ) : null}
    </section>
  );
}
