import { CreateContractDocument, LotDetailsDocument, RegionSetupDocument } from '@inburgering/contracts';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { QueryFeedback } from '../../components/QueryFeedback';
import { graphqlRequest } from '../../graphql/request';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { fieldId, formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../form/form-errors';
import { SelectField } from '../../components/form-fields';
import type { LocalError } from '../form/price-model-form';
import { contractPath, PROCUREMENT_PATHS } from '../procurement-pages';
import { CONTRACT_FIELDS, EMPTY_TERMS, toContractTerms, type ContractTermsState } from './contract-form';
import { ContractTermsFields } from './ContractTermsFields';

/** Awards a lot of the region to a provider; the award is the first version in the contract's history. */
export function CreateContractPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lots = useGraphqlQuery(LotDetailsDocument);
  const setup = useGraphqlQuery(RegionSetupDocument);
  const [lotId, setLotId] = useState('');
  const [providerId, setProviderId] = useState('');
  const [terms, setTerms] = useState<ContractTermsState>(EMPTY_TERMS);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { terms: parsed, errors: local } = toContractTerms(terms, {
      dateInvalid: t('procurement.form.dateInvalid'), priceInvalid: t('procurement.form.amountInvalid'), percentageInvalid: t('procurement.priceModel.percentageInvalid'),
    });
    const missing: LocalError[] = [];
    if (!lotId) missing.push(['lotId', t('procurement.contractForm.lotRequired')]);
    if (!providerId) missing.push(['providerId', t('procurement.contractForm.providerRequired')]);
    if (!parsed || missing.length > 0) {
      setErrors(localErrors('contract', [...missing, ...local]));
      return;
    }
    setBusy(true);
    try {
      const { createContract } = await graphqlRequest(CreateContractDocument, { input: { lotId, providerId, ...parsed, reason: parsed.reason || undefined } });
      navigate(contractPath(createContract.id));
    } catch (err) {
      setErrors(formErrorsOf(err, 'contract', CONTRACT_FIELDS));
      setBusy(false);
    }
  }

  const loaded = lots.data && setup.data;
  return (
    <>
      <PageHeading>{t('procurement.contractForm.createTitle')}</PageHeading>
      <Paragraph lead>{t('procurement.contractForm.createIntro')}</Paragraph>
      <QueryFeedback loading={lots.loading || setup.loading} error={lots.error ?? setup.error} hasData={Boolean(loaded)} onRetry={() => { lots.refetch(); setup.refetch(); }} />
      {lots.data && setup.data && (
        <form className="portal-form" onSubmit={submit} noValidate>
          <ErrorSummary errors={errors.summary} />
          <SelectField id={fieldId('contract', 'lotId')} label={t('procurement.contractForm.lot')} value={lotId} onChange={(e) => setLotId(e.target.value)}
            errorMessage={errors.byField.lotId}
            options={[{ value: '', label: t('procurement.lotForm.choose') }, ...lots.data.lots.map((lot) => ({ value: lot.id, label: `${lot.name} (${lot.subjectLabel})` }))]} />
          <SelectField id={fieldId('contract', 'providerId')} label={t('procurement.contractForm.provider')} value={providerId} onChange={(e) => setProviderId(e.target.value)}
            errorMessage={errors.byField.providerId}
            options={[{ value: '', label: t('procurement.lotForm.choose') }, ...setup.data.regionSetup.providers.map((p) => ({ value: p.id, label: p.name }))]} />
          <ContractTermsFields value={terms} onChange={(change) => setTerms((current) => ({ ...current, ...change }))} errors={errors.byField} reasonRequired={false} />
          <ButtonGroup>
            <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('procurement.form.saving') : t('procurement.contractForm.create')}</Button>
            <RouterLink to={PROCUREMENT_PATHS.contracts} className="utrecht-button-link utrecht-button-link--secondary-action">{t('procurement.form.cancel')}</RouterLink>
          </ButtonGroup>
        </form>
      )}
    </>
  );
}
