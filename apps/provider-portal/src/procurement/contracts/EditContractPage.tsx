import { ContractDocument, UpdateContractDocument, type ContractQuery } from '@inburgering/contracts';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { QueryFeedback } from '../../components/QueryFeedback';
import { graphqlRequest } from '../../graphql/request';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../form/form-errors';
import { contractPath } from '../procurement-pages';
import { CONTRACT_FIELDS, termsOfContract, toContractTerms, type ContractTermsState } from './contract-form';
import { ContractTermsFields } from './ContractTermsFields';

/** Changes status, period, ceiling or price agreement of a contract, with a reason; the version guards against overwriting another change. */
export function EditContractPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { data, error, loading, refetch } = useGraphqlQuery(ContractDocument, { id: params.get('id') ?? '' });
  const contract = data?.contract;
  return (
    <>
      <PageHeading>{contract ? t('procurement.contractForm.editTitle', { lot: contract.lotName, provider: contract.providerName }) : t('procurement.contract.loadingTitle')}</PageHeading>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {contract && <EditContractForm key={contract.version} contract={contract} />}
    </>
  );
}

function EditContractForm({ contract }: { contract: ContractQuery['contract'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [terms, setTerms] = useState<ContractTermsState>(() => termsOfContract(contract));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { terms: parsed, errors: local } = toContractTerms(terms, {
      dateInvalid: t('procurement.form.dateInvalid'), priceInvalid: t('procurement.form.amountInvalid'),
      percentageInvalid: t('procurement.priceModel.percentageInvalid'), reasonRequired: t('procurement.contractForm.reasonRequired'),
    });
    if (!parsed) {
      setErrors(localErrors('contract', local));
      return;
    }
    setBusy(true);
    try {
      await graphqlRequest(UpdateContractDocument, { input: { contractId: contract.id, expectedVersion: contract.version, ...parsed } });
      navigate(contractPath(contract.id));
    } catch (err) {
      setErrors(formErrorsOf(err, 'contract', CONTRACT_FIELDS));
      setBusy(false);
    }
  }

  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <Paragraph lead>{t('procurement.contractForm.editIntro')}</Paragraph>
      <ErrorSummary errors={errors.summary} />
      <ContractTermsFields value={terms} onChange={(change) => setTerms((current) => ({ ...current, ...change }))} errors={errors.byField} reasonRequired />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('procurement.form.saving') : t('procurement.contractForm.save')}</Button>
        <RouterLink to={contractPath(contract.id)} className="utrecht-button-link utrecht-button-link--secondary-action">{t('procurement.form.cancel')}</RouterLink>
      </ButtonGroup>
    </form>
  );
}
