import { AbsenceRuleDocument, SaveAbsenceRuleDocument, type AbsenceRuleFieldsFragment } from '@inburgering/contracts';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../placements/form-errors';
import './hours.css';

const FIELDS = ['lowAttendancePercent', 'windowWeeks', 'consecutiveUnexcused'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const PREFIX = 'absence-rule';
const fieldId = (field: Field) => `${PREFIX}-${field}`;
const valuesOf = (rule: AbsenceRuleFieldsFragment): Values => ({
  lowAttendancePercent: String(rule.lowAttendancePercent), windowWeeks: String(rule.windowWeeks), consecutiveUnexcused: String(rule.consecutiveUnexcused),
});

/** The consultant sets when the own municipality gets an absence signal; the API checks the bounds. */
export function AbsenceRulesPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(AbsenceRuleDocument);
  const [rule, setRule] = useState<AbsenceRuleFieldsFragment | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (data) {
      setRule(data.absenceRule);
      setValues(valuesOf(data.absenceRule));
    }
  }, [data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!values) return;
    setSaved(false);
    const notNumbers = FIELDS.filter((field) => !/^\s*\d+\s*$/.test(values[field]));
    if (notNumbers.length > 0) {
      setErrors(localErrors(PREFIX, notNumbers.map((field) => [field, t('absenceRules.notANumber')])));
      return;
    }
    setBusy(true);
    try {
      const input = { lowAttendancePercent: Number(values.lowAttendancePercent), windowWeeks: Number(values.windowWeeks), consecutiveUnexcused: Number(values.consecutiveUnexcused) };
      const { saveAbsenceRule } = await graphqlRequest(SaveAbsenceRuleDocument, { input });
      setRule(saveAbsenceRule);
      setValues(valuesOf(saveAbsenceRule));
      setErrors(NO_ERRORS);
      setSaved(true);
    } catch (err) {
      setErrors(formErrorsOf(err, PREFIX, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setSaved(false);
    setValues((v) => (v ? { ...v, [field]: event.target.value } : v));
  };

  return (
    <>
      <PageHeading>{t('absenceRules.title')}</PageHeading>
      <Paragraph lead>{t('absenceRules.intro')}</Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      <div role="status" aria-live="polite">
        {saved && <Alert type="ok"><Paragraph>{t('absenceRules.saved')}</Paragraph></Alert>}
      </div>
      {rule && values && (
        <form className="portal-form" onSubmit={(e) => void save(e)} noValidate aria-label={t('absenceRules.title')}>
          <ErrorSummary errors={errors.summary} />
          <Paragraph>{t(rule.isDefault ? 'absenceRules.defaults' : 'absenceRules.custom')}</Paragraph>
          {FIELDS.map((field) => (
            <TextField key={field} id={fieldId(field)} label={t(`absenceRules.${field}`)} description={t(`absenceRules.${field}Hint`)}
              value={values[field]} onChange={set(field)} errorMessage={errors.byField[field]} inputMode="numeric" autoComplete="off" />
          ))}
          <Button type="submit" appearance="primary-action-button" disabled={busy}>{busy ? t('absenceRules.saving') : t('absenceRules.save')}</Button>
        </form>
      )}
    </>
  );
}
