import {
  ClosePresenceLessonDocument, MarkPresenceDocument, PresenceLessonDocument, SignInToLessonDocument, type AbsenceReason, type PresenceLessonFieldsFragment,
} from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../placements/form-errors';
import { enqueue, flushQueue, readQueue, type QueuedSignIn, type SendOutcome } from './offline-queue';
import { newMarkId } from './presence-format';
import './presence.css';

const REASONS: AbsenceReason[] = ['SICK', 'EXCUSED', 'UNEXCUSED'];

async function send(item: QueuedSignIn): Promise<SendOutcome> {
  try {
    await graphqlRequest(SignInToLessonDocument, { input: { lessonId: item.lessonId, code: item.code, credentialKind: item.credentialKind, clientMarkId: item.clientMarkId, occurredAt: item.occurredAt } });
    return { kind: 'sent' };
  } catch (err) {
    // No connection, or too many wrong codes just now: the sign-in stays on the device and is sent again later.
    if (err instanceof GraphqlRequestError && (err.code === 'NETWORK' || err.code === 'TOO_MANY_REQUESTS')) return { kind: 'offline' };
    return { kind: 'refused', message: err instanceof Error ? err.message : String(err) };
  }
}

/** One lesson's presence list on the teacher's phone: students sign in with their code (also offline), absences, closing. */
export function LessonPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const id = params.get('id') ?? '';
  const { data, error, loading, refetch } = useGraphqlQuery(PresenceLessonDocument, { id });
  const [lesson, setLesson] = useState<PresenceLessonFieldsFragment | null>(null);
  const [code, setCode] = useState('');
  const [direction, setDirection] = useState<'ARRIVAL' | 'DEPARTURE'>('ARRIVAL');
  const [password, setPassword] = useState('');
  const [reasons, setReasons] = useState<Record<string, AbsenceReason>>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(0);

  useEffect(() => { if (data) setLesson(data.presenceLesson); }, [data]);

  const flush = useCallback(async () => {
    const result = await flushQueue(localStorage, send);
    setPending(readQueue(localStorage).filter((q) => q.lessonId === id).length);
    if (result.refused.length > 0) setNotice(result.refused.map((r) => t('presence.refused', { message: r.message })).join(' '));
    if (result.sent > 0 || result.refused.length > 0) refetch();
  }, [id, refetch, t]);

  useEffect(() => {
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [flush]);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    const item: QueuedSignIn = { lessonId: id, code: code.trim(), credentialKind: 'CODE', clientMarkId: newMarkId(), occurredAt: new Date().toISOString() };
    setCode('');
    setErrors(NO_ERRORS);
    if (!navigator.onLine) {
      enqueue(localStorage, item);
      setPending(readQueue(localStorage).filter((q) => q.lessonId === id).length);
      setNotice(t('presence.queued'));
      return;
    }
    try {
      const { signInToLesson } = await graphqlRequest(SignInToLessonDocument, { input: { ...item, direction } });
      setLesson(signInToLesson);
      setNotice(t('presence.signedIn'));
    } catch (err) {
      if (err instanceof GraphqlRequestError && err.code === 'NETWORK') {
        enqueue(localStorage, item);
        setPending(readQueue(localStorage).filter((q) => q.lessonId === id).length);
        setNotice(t('presence.queued'));
      } else {
        setNotice(null);
        setErrors(formErrorsOf(err, 'presence', ['code']));
      }
    }
  }

  async function markAbsent(placementId: string) {
    setErrors(NO_ERRORS);
    try {
      const { markPresence } = await graphqlRequest(MarkPresenceDocument, {
        input: { lessonId: id, placementId, kind: 'ABSENT', absenceReason: reasons[placementId] ?? 'SICK', clientMarkId: newMarkId() },
      });
      setLesson(markPresence);
    } catch (err) {
      setErrors(formErrorsOf(err, 'presence', []));
    }
  }

  async function close(event: FormEvent) {
    event.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const { closePresenceLesson } = await graphqlRequest(ClosePresenceLessonDocument, { input: { lessonId: id, password } });
      setLesson(closePresenceLesson);
      setPassword('');
    } catch (err) {
      setErrors(formErrorsOf(err, 'presence', ['password']));
    }
  }

  const nameOf = (placementId: string) => {
    const s = lesson?.students.find((x) => x.placementId === placementId);
    return s ? `${s.firstName} ${s.lastName}` : '';
  };
  const open = lesson?.status === 'OPEN' && !lesson.cancellation;

  return (
    <>
      <PageHeading>{lesson ? `${t('presence.lessonTitle')}: ${lesson.groupName}` : t('presence.lessonTitle')}</PageHeading>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {lesson && (
        <>
          <Paragraph>
            {formatDateNl(lesson.date)} · {lesson.startTime}–{lesson.endTime} · {lesson.location} · {lesson.teacherName} ·{' '}
            <strong>{t(lesson.status === 'CLOSED' ? 'presence.closed' : 'presence.open')}</strong>
          </Paragraph>
          <div role="status" aria-live="polite">
            {notice && <Alert type="info"><Paragraph>{notice}</Paragraph></Alert>}
            {pending > 0 && <Paragraph>{t('presence.pending', { count: pending })}</Paragraph>}
          </div>
          <ErrorSummary errors={errors.summary} />
          {open && (
            <form className="presence-form presence-code" onSubmit={(e) => void signIn(e)} noValidate aria-label={t('presence.signInTitle')}>
              <Heading level={2}>{t('presence.signInTitle')}</Heading>
              {!lesson.signInOpen && <Paragraph>{t('presence.signInClosed')}</Paragraph>}
              <TextField id="presence-code" label={t('presence.code')} description={t('presence.signInHint')} value={code} autoComplete="off" autoCapitalize="characters"
                onChange={(e) => setCode(e.target.value)} errorMessage={errors.byField.code} />
              <SelectField id="presence-direction" label={t('presence.direction')} value={direction} onChange={(e) => setDirection(e.target.value as 'ARRIVAL' | 'DEPARTURE')}
                options={[{ value: 'ARRIVAL', label: t('presence.arrival') }, { value: 'DEPARTURE', label: t('presence.departure') }]} />
              <Button type="submit" appearance="primary-action-button" disabled={code.trim().length === 0}>{t('presence.signIn')}</Button>
            </form>
          )}
          <Heading level={2}>{t('presence.students')}</Heading>
          <ul className="presence-cards">
            {lesson.students.map((s) => (
              <li key={s.placementId} className="presence-card presence-student">
                <span><strong>{s.firstName} {s.lastName}</strong> · {t('presence.clientNumber')} {s.clientNumber}</span>
                <span>
                  {s.arrivalTime && <>{t('presence.arrived', { time: s.arrivalTime })}{s.late && ` (${t('presence.late')})`}{s.departureTime && `, ${t('presence.left', { time: s.departureTime })}`}</>}
                  {s.absent && t('presence.absent', { reason: t(`presence.reasons.${s.absenceReason ?? 'UNEXCUSED'}`) })}
                  {!s.arrivalTime && !s.absent && t('presence.notMarked')}
                </span>
                {open && !s.arrivalTime && !s.absent && (
                  <div className="presence-student__actions">
                    <SelectField id={`reason-${s.placementId}`} label={t('presence.reason')} value={reasons[s.placementId] ?? 'SICK'}
                      onChange={(e) => setReasons((r) => ({ ...r, [s.placementId]: e.target.value as AbsenceReason }))}
                      options={REASONS.map((r) => ({ value: r, label: t(`presence.reasons.${r}`) }))} />
                    <Button type="button" appearance="secondary-action-button" onClick={() => void markAbsent(s.placementId)}>
                      {t('presence.markAbsent')}<span className="portal-visually-hidden"> {s.firstName} {s.lastName}</span>
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {open && (
            <form className="presence-form" onSubmit={(e) => void close(e)} noValidate aria-label={t('presence.closeTitle')}>
              <Heading level={2}>{t('presence.closeTitle')}</Heading>
              <Paragraph>{t('presence.closeHint')}</Paragraph>
              <TextField id="presence-password" type="password" autoComplete="current-password" label={t('presence.password')} value={password}
                onChange={(e) => setPassword(e.target.value)} errorMessage={errors.byField.password} />
              <Button type="submit" appearance="primary-action-button" disabled={password.length === 0}>{t('presence.close')}</Button>
            </form>
          )}
          {lesson.closingSignature && <Paragraph><strong>{t('presence.signature')}:</strong> {lesson.closingSignature}</Paragraph>}
          <details className="presence-history">
            <summary>{t('presence.history')}</summary>
            <ol>
              {lesson.marks.map((m) => (
                <li key={m.id}>
                  {nameOf(m.placementId)}: {m.kind === 'ABSENT' ? t('presence.absent', { reason: t(`presence.reasons.${m.absenceReason ?? 'UNEXCUSED'}`) }) : `${t(m.kind === 'ARRIVAL' ? 'presence.arrival' : 'presence.departure')} ${m.time ?? ''}`}
                  {m.credentialKind && ` (${m.credentialKind === 'QR' ? 'QR' : t('presence.code')})`}
                  {' '}{t('presence.by', { who: m.recordedBy, at: new Date(m.recordedAt).toLocaleString('nl-NL') })}
                  {m.correctionReason && ` — ${t('presence.correction', { reason: m.correctionReason })}`}
                </li>
              ))}
            </ol>
          </details>
        </>
      )}
    </>
  );
}
