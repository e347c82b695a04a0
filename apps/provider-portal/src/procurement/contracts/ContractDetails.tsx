import type { ContractFieldsFragment } from '@inburgering/contracts';
import { formatDateNl, formatEuroCentsNl } from '@inburgering/domain';
import { useTranslation } from 'react-i18next';
import { formatOptionalEuroCents } from '../format';

/** The terms of a contract as a description list: lot, provider, status, period, ceiling and price agreement. */
export function ContractDetails({ contract }: { contract: ContractFieldsFragment }) {
  const { t } = useTranslation();
  const model = contract.priceModel;
  return (
    <dl className="portal-summary-list">
      <dt>{t('procurement.contracts.lot')}</dt><dd>{`${contract.lotName} (${contract.subjectLabel})`}</dd>
      <dt>{t('procurement.contracts.provider')}</dt><dd>{contract.providerName}</dd>
      <dt>{t('procurement.contracts.status')}</dt><dd>{contract.statusLabel}</dd>
      <dt>{t('procurement.contracts.period')}</dt><dd>{`${formatDateNl(contract.startDate)} ${t('lots.until')} ${formatDateNl(contract.endDate)}`}</dd>
      <dt>{t('procurement.contract.lotEnd')}</dt><dd>{formatDateNl(contract.lotEndWithExtensions)}</dd>
      <dt>{t('procurement.contracts.ceiling')}</dt><dd>{formatOptionalEuroCents(contract.ceilingCents)}</dd>
      <dt>{t('procurement.contracts.priceModel')}</dt>
      <dd>
        {model ? `${model.label}${contract.hasOwnPriceModel ? '' : ` ${t('procurement.contract.fromLot')}`}` : '–'}
        {model?.priceCents != null && <> {t('procurement.contract.trajectoryPrice', { price: formatEuroCentsNl(Math.round(model.priceCents)) })}</>}
        {model?.hourlyRateCents != null && <> {t('procurement.contract.hourlyRate', { price: formatEuroCentsNl(Math.round(model.hourlyRateCents)) })}</>}
        {model?.pricePerModuleCents != null && <> {t('procurement.contract.modulePrice', { price: formatEuroCentsNl(Math.round(model.pricePerModuleCents)) })}</>}
        {model && model.milestones.length > 0 && (
          <ul className="portal-plain-list">
            {model.milestones.map((m) => <li key={m.name}>{`${m.name}: ${m.percentage}% (${formatEuroCentsNl(Math.round(m.amountCents))})`}</li>)}
          </ul>
        )}
      </dd>
      <dt>{t('procurement.contract.version')}</dt><dd>{contract.version}</dd>
    </dl>
  );
}
