import { PresenceLessonsDocument } from '@inburgering/contracts';
import { formatDateNl, isoWeekday } from '@inburgering/domain';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { PRESENCE_PATHS } from './presence-pages';
import { todayIso } from './presence-format';
import './presence.css';

/**
 * The teacher's start page: the lessons of a day (today by default), each a link to its presence list. A day without
 * lessons names the next day with lessons, one click away (a teacher opening the app on a free day looks for that).
 */
export function LessonsPage() {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const { data, error, loading, refetch } = useGraphqlQuery(PresenceLessonsDocument, { date });
  const next = data?.presenceNextLessonDate;
  const days = t('presence.days', { returnObjects: true }) as string[];
  const nextDay = next ? `${days[isoWeekday(next) - 1]} ${formatDateNl(next)}` : '';
  // After the jump the button is gone: the keyboard continues on the first lesson of that day instead of the page's top.
  const list = useRef<HTMLUListElement>(null);
  const [jumped, setJumped] = useState(false);
  useEffect(() => {
    if (!jumped || !data?.presenceLessons.length) return;
    list.current?.querySelector<HTMLAnchorElement>('a')?.focus();
    setJumped(false);
  }, [jumped, data]);
  return (
    <>
      <PageHeading>{t('presence.lessonsTitle')}</PageHeading>
      <Paragraph>{t('presence.lessonsIntro')}</Paragraph>
      <TextField id="lessons-date" type="date" label={t('presence.date')} value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && data.presenceLessons.length === 0 && (
        <div className="presence-none">
          <Paragraph>
            {t('presence.none')}{' '}
            {next ? <>{t('presence.nextLessonDay')} <span className="portal-nowrap">{nextDay}</span>.</> : t('presence.noNextLesson')}
          </Paragraph>
          {next && <Button appearance="secondary-action-button" type="button" onClick={() => { setJumped(true); setDate(next); }}>{t('presence.toNextLessonDay')}</Button>}
        </div>
      )}
      <ul className="presence-cards" ref={list}>
        {data?.presenceLessons.map((lesson) => (
          <li key={lesson.id} className="presence-card">
            <Link to={`${PRESENCE_PATHS.lesson}?id=${lesson.id}`} className="presence-card__link">
              <strong>{lesson.groupName}</strong> · {lesson.startTime}–{lesson.endTime}
            </Link>
            <span>{formatDateNl(lesson.date)} · {lesson.location}</span>
            <span>
              {lesson.cancellation ? t('presence.cancelled') : t(lesson.status === 'CLOSED' ? 'presence.closed' : 'presence.open')}
              {' · '}{t('presence.present', { present: lesson.presentCount, total: lesson.studentCount })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
