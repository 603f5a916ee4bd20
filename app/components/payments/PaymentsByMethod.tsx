import { Form } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { todayInVietnam } from '~/lib/dates';
import { formatVnd } from '~/lib/money';
import { RECONCILED_METHODS } from '~/payments';

type Method = (typeof RECONCILED_METHODS)[number];
const isNamed = (m: string): m is Exclude<Method, 'unmatched'> | 'cod' =>
  m !== 'unmatched' && (RECONCILED_METHODS as readonly string[]).concat('cod').includes(m);

/**
 * The operator's payments page, top: money received and held per method, which gateways are on (and
 * the variables that turn the others on), and the per-method, per-day reconciliation CSV.
 */
export function PaymentsByMethod({
  byMethod,
  methods,
  off,
}: {
  byMethod: Array<{ method: string; events: number; appliedVnd: number; held: number }>;
  methods: string[];
  off: Array<{ method: string; keys: readonly string[] }>;
}) {
  const { t } = useI18n();
  const name = (m: string) => (isNamed(m) ? t(`orPayMethod_${m}`) : t('paOutcome_held_unmatched'));
  return (
    <section aria-labelledby="by-method-title">
      <h2 id="by-method-title">{t('waByMethodHeading')}</h2>
      <div className="table-scroll">
        <table data-testid="payments-by-method">
          <thead>
            <tr>
              <th scope="col">{t('waMethod')}</th>
              <th scope="col">{t('waReceivedCount')}</th>
              <th scope="col">{t('waReceivedVnd')}</th>
              <th scope="col">{t('waHeldCount')}</th>
            </tr>
          </thead>
          <tbody>
            {byMethod.map((row) => (
              <tr key={row.method} data-method={row.method}>
                <th scope="row">{name(row.method)}</th>
                <td>{row.events}</td>
                <td>{formatVnd(row.appliedVnd)}</td>
                <td>{row.held}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('waConfiguredHeading')}</h3>
      <ul>
        {methods
          .filter((m) => m !== 'cod')
          .map((m) => (
            <li key={m}>
              {name(m)}: {t('waConfiguredOn')}
            </li>
          ))}
        {off.map((o) => (
          <li key={o.method} className="muted">
            {name(o.method)}: {t('waConfiguredOff', { keys: o.keys.join(', ') })}
          </li>
        ))}
      </ul>
      <h3>{t('waExportHeading')}</h3>
      <p className="muted">{t('waExportHint')}</p>
      <Form
        method="get"
        action="/quan-tri/thanh-toan/doi-soat"
        reloadDocument
        className="inline-form"
      >
        <label>
          {t('waExportDay')}{' '}
          <input type="date" name="ngay" defaultValue={todayInVietnam()} required />
        </label>
        <label>
          {t('waMethod')}{' '}
          <select name="phuong-thuc" defaultValue="">
            <option value="">{t('waExportAll')}</option>
            {RECONCILED_METHODS.map((m) => (
              <option key={m} value={m}>
                {name(m)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button--secondary">
          {t('waExportButton')}
        </button>
      </Form>
    </section>
  );
}
