import type { ContractStatus } from '@inburgering/contracts';
import { CONTRACT_STATUSES, contractStatusLabel } from '@inburgering/domain';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { fieldId } from '../form/form-errors';
import { PriceModelFields } from '../form/PriceModelFields';
import type { ContractTermsState } from './contract-form';

interface ContractTermsFieldsProps {
  value: ContractTermsState;
  onChange: (change: Partial<ContractTermsState>) => void;
  errors: Record<string, string>;
  reasonRequired: boolean;
}

const id = (field: string) => fieldId('contract', field);

/** Status, period, ceiling, an optional own price agreement and the reason that goes into the history. */
export function ContractTermsFields({ value, onChange, errors, reasonRequired }: ContractTermsFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField id={id('status')} label={t('procurement.contractForm.status')} value={value.status} errorMessage={errors.status}
        onChange={(e) => onChange({ status: e.target.value as ContractStatus })} options={CONTRACT_STATUSES.map((s) => ({ value: s, label: contractStatusLabel(s) }))} />
      <div className="portal-form-row">
        <TextField id={id('startDate')} label={t('procurement.contractForm.startDate')} description={t('procurement.form.dateHint')} value={value.startDate}
          onChange={(e) => onChange({ startDate: e.target.value })} errorMessage={errors.startDate} />
        <TextField id={id('endDate')} label={t('procurement.contractForm.endDate')} description={t('procurement.form.dateHint')} value={value.endDate}
          onChange={(e) => onChange({ endDate: e.target.value })} errorMessage={errors.endDate} />
      </div>
      <TextField id={id('ceilingCents')} label={t('procurement.contractForm.ceiling')} description={t('procurement.contractForm.ceilingHint')} inputMode="decimal"
        value={value.ceiling} onChange={(e) => onChange({ ceiling: e.target.value })} errorMessage={errors.ceilingCents} />
      <ChoiceGroup id={id('ownPriceModel')} legend={t('procurement.contractForm.priceAgreement')} type="checkbox" name="contract-own-price"
        options={[{ value: 'own', label: t('procurement.contractForm.ownPriceModel') }]} selected={value.ownPriceModel ? ['own'] : []}
        onToggle={(_, checked) => onChange({ ownPriceModel: checked })} />
      {value.ownPriceModel && <PriceModelFields prefix="contract" value={value.priceModel} onChange={(priceModel) => onChange({ priceModel })} errors={errors} />}
      <TextAreaField id={id('reason')} label={t(reasonRequired ? 'procurement.contractForm.reason' : 'procurement.contractForm.reasonOptional')}
        description={t('procurement.contractForm.reasonHint')} value={value.reason} onChange={(e) => onChange({ reason: e.target.value })} errorMessage={errors.reason} />
    </>
  );
}
