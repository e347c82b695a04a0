import { priceModelLabel } from '@inburgering/domain';
import { Button, Fieldset, FieldsetLegend, FormFieldErrorMessage, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, TextField } from '../../components/form-fields';
import { fieldId } from './form-errors';
import { milestoneTotal, PRICE_FIELD, PRICE_MODEL_KINDS, type MilestoneFormState, type PriceModelFormState } from './price-model-form';

interface PriceModelFieldsProps {
  /** Prefix of the input ids ('lot', 'contract'). */
  prefix: string;
  value: PriceModelFormState;
  onChange: (value: PriceModelFormState) => void;
  errors: Record<string, string>;
}

/** Kind of price, the amount, and for a fixed price the milestones with a live total (they must add up to 100%). */
export function PriceModelFields({ prefix, value, onChange, errors }: PriceModelFieldsProps) {
  const { t } = useTranslation();
  const priceField = `priceModel.${PRICE_FIELD[value.kind]}`;
  const setMilestone = (index: number, change: Partial<MilestoneFormState>) =>
    onChange({ ...value, milestones: value.milestones.map((m, i) => (i === index ? { ...m, ...change } : m)) });

  return (
    <Fieldset className="portal-fieldset">
      <FieldsetLegend>{t('procurement.priceModel.legend')}</FieldsetLegend>
      <ChoiceGroup id={fieldId(prefix, 'priceModel.kind')} legend={t('procurement.priceModel.kind')} type="radio" name={`${prefix}-price-kind`}
        options={PRICE_MODEL_KINDS.map((kind) => ({ value: kind, label: priceModelLabel(kind) }))} selected={[value.kind]}
        onToggle={(kind) => onChange({ ...value, kind: kind as PriceModelFormState['kind'] })} />
      <TextField id={fieldId(prefix, priceField)} label={t(`procurement.priceModel.price.${value.kind}`)} description={t('procurement.priceModel.priceHint')}
        inputMode="decimal" value={value.price} onChange={(e) => onChange({ ...value, price: e.target.value })} errorMessage={errors[priceField]} />
      {value.kind === 'FIXED_PER_TRAJECTORY' && (
        <MilestoneFields prefix={prefix} milestones={value.milestones} errorMessage={errors['priceModel.milestones']} onSet={setMilestone}
          onAdd={() => onChange({ ...value, milestones: [...value.milestones, { name: '', percentage: '' }] })}
          onRemove={(index) => onChange({ ...value, milestones: value.milestones.filter((_, i) => i !== index) })} />
      )}
    </Fieldset>
  );
}

interface MilestoneFieldsProps {
  prefix: string;
  milestones: readonly MilestoneFormState[];
  errorMessage?: string;
  onSet: (index: number, change: Partial<MilestoneFormState>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

function MilestoneFields({ prefix, milestones, errorMessage, onSet, onAdd, onRemove }: MilestoneFieldsProps) {
  const { t } = useTranslation();
  const groupId = fieldId(prefix, 'priceModel.milestones');
  const total = milestoneTotal(milestones);
  return (
    <Fieldset invalid={Boolean(errorMessage)} aria-describedby={[`${groupId}-total`, errorMessage && `${groupId}-error`].filter(Boolean).join(' ')} className="portal-milestones">
      <FieldsetLegend>{t('procurement.priceModel.milestones')}</FieldsetLegend>
      <Paragraph className="utrecht-form-field__description">{t('procurement.priceModel.milestonesHint')}</Paragraph>
      {errorMessage && <FormFieldErrorMessage id={`${groupId}-error`}>{errorMessage}</FormFieldErrorMessage>}
      {milestones.map((milestone, index) => (
        <div key={index} className="portal-milestone">
          <TextField id={index === 0 ? groupId : `${groupId}-${index}-name`} label={t('procurement.priceModel.milestoneName', { n: String(index + 1) })}
            value={milestone.name} onChange={(e) => onSet(index, { name: e.target.value })} />
          <TextField id={`${groupId}-${index}-percentage`} label={t('procurement.priceModel.milestonePercentage', { n: String(index + 1) })} inputMode="numeric"
            value={milestone.percentage} onChange={(e) => onSet(index, { percentage: e.target.value })} className="portal-input-short" />
          {milestones.length > 1 && (
            <Button appearance="subtle-button" type="button" onClick={() => onRemove(index)}>
              {t('procurement.priceModel.removeMilestone', { n: String(index + 1) })}
            </Button>
          )}
        </div>
      ))}
      <Paragraph id={`${groupId}-total`} aria-live="polite" className={total === 100 ? 'portal-milestones__total' : 'portal-milestones__total portal-milestones__total--off'}>
        {t('procurement.priceModel.total', { total: String(total) })}
      </Paragraph>
      <Button appearance="secondary-action-button" type="button" onClick={onAdd}>{t('procurement.priceModel.addMilestone')}</Button>
    </Fieldset>
  );
}
