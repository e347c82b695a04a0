import { RecordResultDocument, type ExamPart, type Level, type ResultKind } from '@inburgering/contracts';
import { LEVELS, MAP_THEME_LABELS, MAP_THEMES, parseDutchDate, parseDutchHours } from '@inburgering/domain';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';

const KINDS: ResultKind[] = ['EXAM', 'KNM', 'MAP', 'PVT', 'TAALSCHAKEL', 'Z_COMPLETION'];
const PARTS: ExamPart[] = ['LEZEN', 'LUISTEREN', 'SCHRIJVEN', 'SPREKEN', 'KNM'];


/** Records a result; the API checks the law's rules (600 h before A2, 800 + 800 for the Z-route, MAP themes, PVT hours). */
export function ResultForm({ clientId, placementId, onSaved }: { clientId: string; placementId: string | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ResultKind>('EXAM');
  const [part, setPart] = useState<ExamPart>('LEZEN');
  const [level, setLevel] = useState<Level>('B1');
  const [attempt, setAttempt] = useState('1');
  const [passed, setPassed] = useState(true);
  const [date, setDate] = useState('');
  const [themes, setThemes] = useState<string[]>([]);
  const [hours, setHours] = useState('');
  const [excursion, setExcursion] = useState(false);
  const [milestone, setMilestone] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const resultDate = parseDutchDate(date);
    const milestoneDate = milestone ? parseDutchDate(milestone) : null;
    if (!resultDate || (milestone && !milestoneDate)) {
      setErrors([{ message: t('resultForm.invalidDate'), fieldId: resultDate ? 'result-milestone' : 'result-date' }]);
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
      setErrors([]);
      setSaved(true);
      setKey(crypto.randomUUID());
      onSaved();
    } catch (err) {
      const e = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(String(err), 'INTERNAL_SERVER_ERROR');
      setErrors(e.fields.length > 0 ? e.fields.map((f) => ({ message: f.message })) : [{ message: e.message }]);
    }
  }

  return (
    <form className="portal-form hour-grid__correction" onSubmit={submit} noValidate>
      <Heading2>{t('resultForm.title')}</Heading2>
      <ErrorSummary errors={errors} />
      {saved && <Paragraph role="status">{t('resultForm.saved')}</Paragraph>}
      <Paragraph>
        <label htmlFor="result-kind">{t('resultForm.kind')}</label>{' '}
        <select id="result-kind" className="utrecht-select" value={kind} onChange={(e) => setKind(e.target.value as ResultKind)}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`resultForm.kinds.${k}`)}</option>)}
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
            {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </Paragraph>
      )}
      {kind === 'MAP' && (
        <fieldset>
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
      {(kind === 'MAP' || kind === 'PVT' || kind === 'Z_COMPLETION') && (
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
