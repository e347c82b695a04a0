import { MoveClientDocument, MoveTargetMunicipalitiesDocument, type ClientDetailFragment } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Alert, Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { QueryFeedback } from '../components/QueryFeedback';
import { SelectField, TextAreaField, TextField } from '../components/form-fields';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { EMPTY_MOVE, MOVE_FIELDS, parseMove, type MoveValues } from './client-action-values';
import type { CaseloadLocationState } from './CaseloadNotice';
import { FormButtons } from './FormButtons';
import { useActionForm } from './use-action-form';

type Field = keyof MoveValues;

/**
 * A move to another municipality in two steps: the new municipality and date, then a confirmation that says the
 * municipality loses access. After the move the client is no longer ours: back to the caseload with a message.
 */
export function MoveClientForm({ client, onCancel }: { client: ClientDetailFragment; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const targets = useGraphqlQuery(MoveTargetMunicipalitiesDocument);
  const [values, setValues] = useState<MoveValues>(EMPTY_MOVE);
  const [confirming, setConfirming] = useState(false);
  const form = useActionForm('move', MOVE_FIELDS);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const parsed = parseMove(client.id, values);
  const name = `${client.firstName} ${client.lastName}`;
  const municipality = targets.data?.moveTargetMunicipalities.find((m) => m.id === values.toMunicipalityId)?.name ?? '';

  async function next(event: FormEvent) {
    event.preventDefault();
    // Checks the typed values only (no request): the confirmation step shows what will be sent.
    if (await form.submit(parsed, () => Promise.resolve())) setConfirming(true);
  }

  async function confirm() {
    let moved: { clientNumber: number; toMunicipality: { name: string } } | undefined;
    const ok = await form.submit(parsed, async (input) => {
      moved = (await graphqlRequest(MoveClientDocument, { input })).moveClient;
    });
    if (!ok || !moved) return setConfirming(false);
    const state: CaseloadLocationState = {
      notice: t('clientActions.move.done', { name, municipality: moved.toMunicipality.name, number: String(moved.clientNumber) }),
    };
    navigate('/inburgeraars', { state });
  }

  if (confirming && parsed.input) {
    const message = t('clientActions.move.confirm', { name, municipality, date: formatDateNl(parsed.input.movedOn) });
    return <MoveConfirmation message={message} busy={form.busy} onConfirm={confirm} onBack={() => setConfirming(false)} />;
  }
  const choose = { value: '', label: t('registerClient.choose') };
  return (
    <form className="portal-form" onSubmit={next} noValidate aria-label={t('clientActions.move.open')}>
      <ErrorSummary errors={form.errors.summary} />
      <Paragraph>{t('clientActions.move.intro')}</Paragraph>
      <QueryFeedback loading={targets.loading} error={targets.error} hasData={Boolean(targets.data)} onRetry={targets.refetch} />
      <SelectField id={form.fieldId('toMunicipalityId')} label={t('clientActions.move.toMunicipality')} value={values.toMunicipalityId} onChange={set('toMunicipalityId')}
        errorMessage={form.errors.byField.toMunicipalityId}
        options={[choose, ...(targets.data?.moveTargetMunicipalities ?? []).map((m) => ({ value: m.id, label: m.name }))]} />
      <TextField id={form.fieldId('movedOn')} label={t('clientActions.move.movedOn')} description={t('registerClient.dateHint')} value={values.movedOn}
        onChange={set('movedOn')} errorMessage={form.errors.byField.movedOn} autoComplete="off" />
      <TextAreaField id={form.fieldId('note')} label={t('clientActions.move.note')} value={values.note} onChange={set('note')} errorMessage={form.errors.byField.note} rows={2} />
      <FormButtons busy={form.busy} submitLabel={t('clientActions.move.next')} onCancel={onCancel} />
    </form>
  );
}

/** The second step: what will happen, with the focus on it so a screen reader reads it out. */
function MoveConfirmation({ message, busy, onConfirm, onBack }: { message: string; busy: boolean; onConfirm: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type="warning" ref={ref} tabIndex={-1} className="portal-confirm">
      <Heading3>{t('clientActions.move.confirmTitle')}</Heading3>
      <Paragraph>{message}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" type="button" disabled={busy} onClick={onConfirm}>
          {busy ? t('clientActions.saving') : t('clientActions.move.submit')}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={onBack}>{t('clientActions.move.back')}</Button>
      </ButtonGroup>
    </Alert>
  );
}
