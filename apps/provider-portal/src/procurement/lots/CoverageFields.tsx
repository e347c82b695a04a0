import type { LotCoverage, RegionSetupQuery } from '@inburgering/contracts';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../form/form-errors';
import { ChoiceGroup, SelectField } from '../../components/form-fields';

const COVERAGES: readonly LotCoverage[] = ['ALL', 'SUB_REGION', 'LIST'];

interface CoverageFieldsProps {
  setup: RegionSetupQuery['regionSetup'];
  coverage: LotCoverage;
  subRegionId: string;
  municipalityIds: readonly string[];
  onChange: (change: { coverage?: LotCoverage; subRegionId?: string; municipalityIds?: string[] }) => void;
  errors: Record<string, string>;
}

/** Which municipalities a lot covers: all of the region, a sub-region (the Liemers), or a list. */
export function CoverageFields({ setup, coverage, subRegionId, municipalityIds, onChange, errors }: CoverageFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ChoiceGroup id={fieldId('lot', 'coverage')} legend={t('procurement.lotForm.coverage')} type="radio" name="lot-coverage" selected={[coverage]}
        options={COVERAGES.filter((c) => c !== 'SUB_REGION' || setup.subRegions.length > 0).map((value) => ({ value, label: t(`procurement.lotForm.coverages.${value}`) }))}
        onToggle={(value) => onChange({ coverage: value as LotCoverage })} errorMessage={errors.coverage} />
      {coverage === 'SUB_REGION' && (
        <SelectField id={fieldId('lot', 'subRegionId')} label={t('procurement.lotForm.subRegion')} value={subRegionId} errorMessage={errors.subRegionId}
          onChange={(e) => onChange({ subRegionId: e.target.value })}
          options={[{ value: '', label: t('procurement.lotForm.choose') }, ...setup.subRegions.map((s) => ({ value: s.id, label: s.name }))]} />
      )}
      {coverage === 'LIST' && (
        <ChoiceGroup id={fieldId('lot', 'municipalityIds')} legend={t('procurement.lotForm.municipalities')} type="checkbox" name="lot-municipalities"
          selected={municipalityIds} errorMessage={errors.municipalityIds}
          options={setup.municipalities.map((m) => ({ value: m.id, label: m.name.replace(/^Gemeente\s+/i, '') }))}
          onToggle={(id, checked) => onChange({ municipalityIds: checked ? [...municipalityIds, id] : municipalityIds.filter((m) => m !== id) })} />
      )}
    </>
  );
}
