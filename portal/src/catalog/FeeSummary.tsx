import { Citation } from '../components/Citation.js';
import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { ACTION, FEE_KIND } from '../i18n/enums.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';

export const FeeFragment = graphql(`
  fragment FeeSummary on ServiceFee {
    kind
    basis
    paidVia
    source {
      ...CitationFields
    }
    amounts {
      action
      amountMrp
      amount
      year
      unknownBecause
    }
  }
`);

/** What the service costs per action this year, or why the amount is not known. */
export function FeeSummary(props: { fee: FragmentType<typeof FeeFragment> }) {
  const fee = readFragment(FeeFragment, props.fee);
  const { language, t } = useLanguage();
  const format = useFormat();
  return (
    <div className="fee">
      <p>
        <strong>{FEE_KIND[fee.kind][language]}</strong>
        {fee.paidVia === 'PSHEP' ? ` · ${t('fee.viaPshep')}` : ''}
      </p>
      <p className="fine" lang="en">
        {fee.basis}
      </p>
      {fee.amounts.length > 0 ? (
        <table className="compact">
          <caption className="visually-hidden">{t('fee.amounts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fee.action')}</th>
              <th scope="col">{t('fee.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {fee.amounts.map((amount) => (
              <tr key={amount.action}>
                <th scope="row">{ACTION[amount.action][language]}</th>
                <td>
                  {amount.amount ? (
                    `${format.money(amount.amount)} (${amount.amountMrp} ${t('fee.mrp')}, ${amount.year})`
                  ) : (
                    <span lang="en">{amount.unknownBecause}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Citation source={fee.source} />
    </div>
  );
}
