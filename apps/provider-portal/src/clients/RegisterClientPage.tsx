import { RegisterClientDocument, type LearnabilityOutcome, type Level, type Route, type TargetGroup } from '@inburgering/contracts';
import { LEVELS, ROUTES, TARGET_GROUPS, checkBsn, levelLabel, parseDutchDate, parseDutchHours, routeLabel, targetGroupLabel } from '@inburgering/domain';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { setActingMunicipality, useActingMunicipality } from '../auth/acting-municipality';
import { useCurrentUser } from '../auth/session-context';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { SelectField, TextAreaField, TextField } from '../components/form-fields';
import { missingFields } from '../components/missing-fields';
import { graphqlRequest } from '../graphql/request';
import { formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../placements/form-errors';
import { clientPath } from '../placements/placement-pages';

const FIELDS = ['bsn', 'firstName', 'lastName', 'dateOfBirth', 'targetGroup', 'brpRegistrationDate', 'learnabilityOutcome', 'learnabilityScore',
  'intakeCompletedOn', 'intakeNotes', 'pipSignedOn', 'route', 'level', 'pipMinutesPerWeek', 'pipLessonPattern'] as const;
type Field = (typeof FIELDS)[number];
const DATE_FIELDS: readonly Field[] = ['dateOfBirth', 'brpRegistrationDate', 'intakeCompletedOn', 'pipSignedOn'];
const OUTCOMES: LearnabilityOutcome[] = ['UNKNOWN', 'B1_FEASIBLE', 'NOT_FEASIBLE'];

/** Registration of a new client with intake and (optionally) the PIP; the API checks the 11-check, dates and DUO's level rules. */
export function RegisterClientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // A shared service's consultant registers the client for one of its municipalities: the one the portal works for.
  const user = useCurrentUser();
  const served = user.servedMunicipalities;
  const acting = useActingMunicipality() ?? user.actingMunicipality?.id ?? served[0]?.id ?? '';
  const [values, setValues] = useState<Record<Field, string>>(() => ({ ...Object.fromEntries(FIELDS.map((f) => [f, ''])), learnabilityOutcome: 'UNKNOWN' }) as Record<Field, string>);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const id = (field: Field) => `client-${field}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, values[f].trim() ? parseDutchDate(values[f]) : null]));
    const invalid: [string, string][] = DATE_FIELDS.filter((f) => values[f].trim() && !dates[f]).map((f) => [f, t('registerClient.invalidDate')]);
    // Everything the browser can check, at once: the BSN (the same elfproef as the API), the names and the dates.
    const bsn: [string, string][] = checkBsn(values.bsn).map((v) => [v.field, v.message]);
    const requiredDates: [string, string][] = missingFields(values, [
      ['firstName', t('registerClient.firstNameRequired')], ['lastName', t('registerClient.lastNameRequired')],
      ['dateOfBirth', t('registerClient.invalidDate')], ['brpRegistrationDate', t('registerClient.invalidDate')],
    ]);
    const score = values.learnabilityScore.trim() ? Number(values.learnabilityScore) : null;
    const minutes = values.pipMinutesPerWeek.trim() ? parseDutchHours(values.pipMinutesPerWeek) : null;
    if (score !== null && !Number.isInteger(score)) invalid.push(['learnabilityScore', t('registerClient.invalidNumber')]);
    if (values.pipMinutesPerWeek.trim() && minutes === null) invalid.push(['pipMinutesPerWeek', t('registerClient.invalidHours')]);
    if (bsn.length + invalid.length + requiredDates.length > 0) {
      const order = (field: string) => FIELDS.indexOf(field as Field);
      setErrors(localErrors('client', [...bsn, ...requiredDates, ...invalid].sort((a, b) => order(a[0]) - order(b[0]))));
      return;
    }
    setBusy(true);
    try {
      const { registerClient } = await graphqlRequest(RegisterClientDocument, {
        input: {
          bsn: values.bsn,
          firstName: values.firstName,
          lastName: values.lastName,
          dateOfBirth: dates.dateOfBirth ?? '',
          targetGroup: (values.targetGroup || 'STATUS_HOLDER') as TargetGroup,
          brpRegistrationDate: dates.brpRegistrationDate ?? '',
          learnabilityOutcome: values.learnabilityOutcome as LearnabilityOutcome,
          learnabilityScore: score,
          intakeCompletedOn: dates.intakeCompletedOn,
          intakeNotes: values.intakeNotes || null,
          pipSignedOn: dates.pipSignedOn,
          route: (values.route || null) as Route | null,
          level: (values.level || null) as Level | null,
          pipMinutesPerWeek: minutes,
          pipLessonPattern: values.pipLessonPattern || null,
        },
      });
      navigate(clientPath(registerClient.id));
    } catch (err) {
      setErrors(formErrorsOf(err, 'client', FIELDS));
      setBusy(false);
    }
  }

  const text = (field: Field, label: string, extra: { description?: string; inputMode?: 'numeric' | 'decimal'; autoComplete?: string } = {}) => (
    <TextField id={id(field)} name={field} label={label} value={values[field]} onChange={set(field)} errorMessage={errors.byField[field]} autoComplete={extra.autoComplete ?? 'off'} {...extra} />
  );
  const choose = { value: '', label: t('registerClient.choose') };

  return (
    <>
      <PageHeading>{t('registerClient.title')}</PageHeading>
      <Paragraph>
        <RouterLink to="/inburgeraars" className="utrecht-link utrecht-link--html-a">{t('clientPage.backToList')}</RouterLink>
      </Paragraph>
      <Paragraph>{t('registerClient.intro')}</Paragraph>
      <form className="portal-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors.summary} />
        <Fieldset>
          <FieldsetLegend>{t('registerClient.person')}</FieldsetLegend>
          {served.length > 0 && (
            <SelectField id="client-municipality" label={t('sharedService.registerFor')} description={t('sharedService.registerForHint')} value={acting}
              onChange={(e) => setActingMunicipality(e.target.value)} options={served.map((m) => ({ value: m.id, label: m.name }))} />
          )}
          {text('bsn', t('registerClient.bsn'), { description: t('registerClient.bsnHint'), inputMode: 'numeric' })}
          {text('firstName', t('registerClient.firstName'))}
          {text('lastName', t('registerClient.lastName'))}
          {text('dateOfBirth', t('registerClient.dateOfBirth'), { description: t('registerClient.dateHint') })}
          <SelectField id={id('targetGroup')} label={t('registerClient.targetGroup')} value={values.targetGroup || 'STATUS_HOLDER'} onChange={set('targetGroup')}
            errorMessage={errors.byField.targetGroup} options={TARGET_GROUPS.map((g) => ({ value: g, label: targetGroupLabel(g) }))} />
          {text('brpRegistrationDate', t('registerClient.brpRegistrationDate'), { description: t('registerClient.dateHint') })}
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t('registerClient.intake')}</FieldsetLegend>
          <SelectField id={id('learnabilityOutcome')} label={t('registerClient.learnabilityOutcome')} value={values.learnabilityOutcome} onChange={set('learnabilityOutcome')}
            errorMessage={errors.byField.learnabilityOutcome} options={OUTCOMES.map((o) => ({ value: o, label: t(`registerClient.learnability.${o}`) }))} />
          {text('learnabilityScore', t('registerClient.learnabilityScore'), { inputMode: 'numeric' })}
          {text('intakeCompletedOn', t('registerClient.intakeCompletedOn'), { description: t('registerClient.dateHint') })}
          <TextAreaField id={id('intakeNotes')} label={t('registerClient.intakeNotes')} value={values.intakeNotes} onChange={set('intakeNotes')} errorMessage={errors.byField.intakeNotes} />
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t('registerClient.pip')}</FieldsetLegend>
          {text('pipSignedOn', t('registerClient.pipSignedOn'), { description: t('registerClient.dateHint') })}
          <SelectField id={id('route')} label={t('registerClient.route')} value={values.route} onChange={set('route')} errorMessage={errors.byField.route}
            options={[choose, ...ROUTES.map((r) => ({ value: r, label: routeLabel(r) }))]} />
          <SelectField id={id('level')} label={t('registerClient.level')} value={values.level} onChange={set('level')} errorMessage={errors.byField.level}
            options={[choose, ...LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))]} />
          {text('pipMinutesPerWeek', t('registerClient.hoursPerWeek'), { inputMode: 'decimal' })}
          {text('pipLessonPattern', t('registerClient.lessonPattern'), { description: t('registerClient.lessonPatternHint') })}
        </Fieldset>
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" disabled={busy}>
            {busy ? t('registerClient.submitting') : t('registerClient.submit')}
          </Button>
          <RouterLink to="/inburgeraars" className="utrecht-button-link utrecht-button-link--secondary-action">{t('requestPlacement.cancel')}</RouterLink>
        </ButtonGroup>
      </form>
    </>
  );
}
