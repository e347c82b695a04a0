import { RecordResultDocument, type ExamPart, type Level, type ResultKind, type Route } from '@inburgering/contracts';
import { LEVELS, MAP_THEME_LABELS, MAP_THEMES, examLevelsForRoute, parseDutchDate, parseDutchHours, resultKindsForRoute } from '@inburgering/domain';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary';
import { graphqlRequest } from '../graphql/request';
import { formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../procurement/form/form-errors';

const KINDS: ResultKind[] = ['EXAM', 'KNM', 'MAP', 'PVT', 'TAALSCHAKEL', 'Z_COMPLETION'];
const PARTS: ExamPart[] = ['LEZEN', 'LUISTEREN', 'SCHRIJVEN', 'SPREKEN', 'KNM'];
/** The API's fields, as the form's inputs (`result-<field>`) show them. */
const FIELDS = ['kind', 'part', 'attempt', 'level', 'mapThemes', 'hours', 'excursion', 'milestone', 'passed', 'date'] as const;
const API_FIELDS: Record<string, string> = { examPart: 'part', minutes: 'hours', excursionDone: 'excursion', milestoneDate: 'milestone', resultDate: 'date' };

/**
 * Records a result; it offers only what the client's route allows (no B1 exam for a Z-route client, no MAP in the
 * Onderwijsroute) and the API checks the law's rules (600 h before A2, 800 + 800 for the Z-route, MAP themes, PVT hours).
 */
export function ResultForm({ clientId, placementId, route, onSaved }: { clientId: string; placementId: string | null; route: Route | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const kinds = route ? resultKindsForRoute(route) : KINDS;
  const [kind, setKind] = useState<ResultKind>(kinds[0]);
  const [part, setPart] = useState<ExamPart>('LEZEN');
  const levels = route ? examLevelsForRoute(route, kind === 'EXAM' ? part : 'LEZEN') : [...LEVELS];
  const [chosenLevel, setLevel] = useState<Level>(levels[0]);
  // A level the route does not allow for this part (after switching the part) falls back to the route's usual level.
  const level = levels.includes(chosenLevel) ? chosenLevel : levels[0];
  const [attempt, setAttempt] = useState('1');
  const [passed, setPassed] = useState(true);
  const [date, setDate] = useState('');
  const [themes, setThemes] = useState<string[]>([]);
  const [hours, setHours] = useState('');
  const [excursion, setExcursion] = useState(false);
  const [milestone, setMilestone] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);

  const showMilestone = kind === 'MAP' || kind === 'PVT' || kind === 'Z_COMPLETION';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const resultDate = parseDutchDate(date);
    const milestoneDate = showMilestone && milestone ? parseDutchDate(milestone) : null;
    const local: [string, string][] = [
      ...(showMilestone && milestone && !milestoneDate ? [['milestone', t('resultForm.invalidDate')] as [string, string]] : []),
      ...(!resultDate ? [['date', t('resultForm.invalidDate')] as [string, string]] : []),
    ];
    if (!resultDate || local.length > 0) {
      setErrors(localErrors('result', local));
      return;
    }
    try {
      await graphqlRequest(RecordResultDocument, {
        input: {
          clientId, placementId, kind, resultDate, idempotencyKey: key, milestoneDate,
          examPart: kind === 'EXAM' ? part : null, level: kind === 'EXAM' || kind === 'TAALSCHAKEL' ? level : null,
          attempt: kind === 'EXAM' ? Number(attempt) : null, passed: kind === 'MAP' || kind === 'PVT' || kind === 'Z_COMPLETION' ? null : passed,
          mapThemes: kind === 'MAP' ? themes : null, minutes: kind === 'MAP' || kind === 'PVT' ? parseDutchHours(hours) ?? 0 : null,
          excursionDone: kind === 'PVT' ? excursion : null,
        },
      });
      setErrors(NO_ERRORS);
      setSaved(true);
      setKey(crypto.randomUUID());
      onSaved();
    } catch (err) {
      setErrors(formErrorsOf(err, 'result', FIELDS, API_FIELDS));
    }
  }

  return (
    <form className="portal-form hour-grid__correction" onSubmit={submit} noValidate>
      <Heading2>{t('resultForm.title')}</Heading2>
      <ErrorSummary errors={errors.summary} />
      {saved && <Paragraph role="status">{t('resultForm.saved')}</Paragraph>}
      <Paragraph>
        <label htmlFor="result-kind">{t('resultForm.kind')}</label>{' '}
        <select id="result-kind" className="utrecht-select" value={kind} onChange={(e) => setKind(e.target.value as ResultKind)}>
          {kinds.map((k) => <option key={k} value={k}>{t(`resultForm.kinds.${k}`)}</option>)}
        </select>
      </Paragraph>
      {kind === 'EXAM' && (
        <Paragraph>
          <label htmlFor="result-part">{t('resultForm.examPart')}</label>{' '}
          <select id="result-part" className="utrecht-select" value={part} onChange={(e) => setPart(e.target.value as ExamPart)}>
            {PARTS.map((p) => <option key={p} value={p}>{t(`resultForm.parts.${p}`)}</option>)}
          </select>{' '}
          <label htmlFor="result-attempt">{t('resultForm.attempt')}</label>{' '}
          <input id="result-attempt" className="utrecht-textbox hour-grid__input" inputMode="numeric" value={attempt} onChange={(e) => setAttempt(e.target.value)} />
        </Paragraph>
      )}
      {(kind === 'EXAM' || kind === 'TAALSCHAKEL') && (
        <Paragraph>
          <label htmlFor="result-level">{t('resultForm.level')}</label>{' '}
          <select id="result-level" className="utrecht-select" value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            {levels.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </Paragraph>
      )}
      {kind === 'MAP' && (
        <fieldset id="result-mapThemes">
          <legend>{t('resultForm.themes')}</legend>
          {MAP_THEMES.map((theme) => (
            <span key={theme} className="hour-grid__meta">
              <input id={`theme-${theme}`} type="checkbox" checked={themes.includes(theme)}
                onChange={(e) => setThemes((current) => (e.target.checked ? [...current, theme] : current.filter((x) => x !== theme)))} />{' '}
              <label htmlFor={`theme-${theme}`}>{MAP_THEME_LABELS[theme]}</label>
            </span>
          ))}
        </fieldset>
      )}
      {(kind === 'MAP' || kind === 'PVT') && (
        <Paragraph>
          <label htmlFor="result-hours">{t('resultForm.minutes')}</label>{' '}
          <input id="result-hours" className="utrecht-textbox hour-grid__input" inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />
        </Paragraph>
      )}
      {kind === 'PVT' && (
        <Paragraph>
          <input id="result-excursion" type="checkbox" checked={excursion} onChange={(e) => setExcursion(e.target.checked)} />{' '}
          <label htmlFor="result-excursion">{t('resultForm.excursion')}</label>
        </Paragraph>
      )}
      {showMilestone && (
        <Paragraph>
          <label htmlFor="result-milestone">{t('resultForm.milestone')}</label>{' '}
          <input id="result-milestone" className="utrecht-textbox" value={milestone} onChange={(e) => setMilestone(e.target.value)} />
        </Paragraph>
      )}
      {kind !== 'MAP' && kind !== 'PVT' && kind !== 'Z_COMPLETION' && (
        <Paragraph>
          <input id="result-passed" type="checkbox" checked={passed} onChange={(e) => setPassed(e.target.checked)} />{' '}
          <label htmlFor="result-passed">{t('resultForm.passed')}</label>
        </Paragraph>
      )}
      <Paragraph>
        <label htmlFor="result-date">{t('resultForm.resultDate')}</label>{' '}
        <input id="result-date" className="utrecht-textbox" value={date} onChange={(e) => setDate(e.target.value)} />
      </Paragraph>
      <Button type="submit" appearance="primary-action-button">{t('resultForm.save')}</Button>
    </form>
  );
}
