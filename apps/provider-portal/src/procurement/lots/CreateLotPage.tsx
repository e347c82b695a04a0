import { CreateLotDocument, RegionSetupDocument, type LotSubject } from '@inburgering/contracts';
import { LOT_SUBJECTS, lotSubjectLabel } from '@inburgering/domain';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { QueryFeedback } from '../../components/QueryFeedback';
import { SelectField, TextField } from '../../components/form-fields';
import { graphqlRequest } from '../../graphql/request';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { fieldId, formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../form/form-errors';
import { PriceModelFields } from '../form/PriceModelFields';
import { PROCUREMENT_PATHS } from '../procurement-pages';
import { CoverageFields } from './CoverageFields';
import { EMPTY_LOT, LOT_FIELDS, toCreateLotInput, type LotFormState } from './lot-form';

export interface LotCreatedState {
  createdLot?: string;
}

const id = (field: string) => fieldId('lot', field);

/** A new lot of the region: route or module, coverage, period and extensions, expected volume and price model. */
export function CreateLotPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useGraphqlQuery(RegionSetupDocument);
  const [form, setForm] = useState<LotFormState>(EMPTY_LOT);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<LotFormState>) => setForm((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { input, errors: local } = toCreateLotInput(form, {
      dateInvalid: t('procurement.form.dateInvalid'), wholeNumber: t('procurement.form.wholeNumber'), nameRequired: t('procurement.lotForm.nameRequired'),
      priceInvalid: t('procurement.form.amountInvalid'), percentageInvalid: t('procurement.priceModel.percentageInvalid'),
    });
    if (!input) {
      setErrors(localErrors('lot', local));
      return;
    }
    setBusy(true);
    try {
      const { createLot } = await graphqlRequest(CreateLotDocument, { input });
      navigate(PROCUREMENT_PATHS.lots, { state: { createdLot: createLot.name } satisfies LotCreatedState });
    } catch (err) {
      setErrors(formErrorsOf(err, 'lot', LOT_FIELDS));
      setBusy(false);
    }
  }

  const e = errors.byField;
  return (
    <>
      <PageHeading>{t('procurement.lotForm.title')}</PageHeading>
      <Paragraph lead>{t('procurement.lotForm.intro')}</Paragraph>
      <QueryFeedback loading={setup.loading} error={setup.error} hasData={Boolean(setup.data)} onRetry={setup.refetch} />
      {setup.data && (
        <form className="portal-form" onSubmit={submit} noValidate>
          <ErrorSummary errors={errors.summary} />
          <TextField id={id('name')} label={t('procurement.lotForm.name')} value={form.name} onChange={(ev) => set({ name: ev.target.value })} errorMessage={e.name} />
          <SelectField id={id('subject')} label={t('procurement.lotForm.subject')} value={form.subject} errorMessage={e.subject}
            onChange={(ev) => set({ subject: ev.target.value as LotSubject })} options={LOT_SUBJECTS.map((s) => ({ value: s, label: lotSubjectLabel(s) }))} />
          <CoverageFields setup={setup.data.regionSetup} coverage={form.coverage} subRegionId={form.subRegionId} municipalityIds={form.municipalityIds}
            onChange={set} errors={e} />
          <div className="portal-form-row">
            <TextField id={id('periodStart')} label={t('procurement.lotForm.periodStart')} description={t('procurement.form.dateHint')} value={form.periodStart}
              onChange={(ev) => set({ periodStart: ev.target.value })} errorMessage={e.periodStart} />
            <TextField id={id('periodEnd')} label={t('procurement.lotForm.periodEnd')} description={t('procurement.form.dateHint')} value={form.periodEnd}
              onChange={(ev) => set({ periodEnd: ev.target.value })} errorMessage={e.periodEnd} />
          </div>
          <div className="portal-form-row">
            <TextField id={id('maxExtensionMonths')} label={t('procurement.lotForm.maxExtensionMonths')} inputMode="numeric" value={form.maxExtensionMonths}
              onChange={(ev) => set({ maxExtensionMonths: ev.target.value })} errorMessage={e.maxExtensionMonths} />
            <TextField id={id('extensionOptions')} label={t('procurement.lotForm.extensionOptions')} description={t('procurement.lotForm.extensionOptionsHint')}
              value={form.extensionOptions} onChange={(ev) => set({ extensionOptions: ev.target.value })} errorMessage={e.extensionOptions} />
          </div>
          <TextField id={id('expectedVolumePerYear')} label={t('procurement.lotForm.expectedVolume')} inputMode="numeric" value={form.expectedVolumePerYear}
            onChange={(ev) => set({ expectedVolumePerYear: ev.target.value })} errorMessage={e.expectedVolumePerYear} />
          <PriceModelFields prefix="lot" value={form.priceModel} onChange={(priceModel) => set({ priceModel })} errors={e} />
          <ButtonGroup>
            <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('procurement.form.saving') : t('procurement.lotForm.submit')}</Button>
            <RouterLink to={PROCUREMENT_PATHS.lots} className="utrecht-button-link utrecht-button-link--secondary-action">{t('procurement.form.cancel')}</RouterLink>
          </ButtonGroup>
        </form>
      )}
    </>
  );
}
