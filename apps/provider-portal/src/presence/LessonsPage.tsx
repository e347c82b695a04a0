import { PresenceLessonsDocument } from '@inburgering/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { PRESENCE_PATHS } from './presence-pages';
import { dutchDate, todayIso } from './presence-format';
import './presence.css';

/** The teacher's start page: the lessons of a day (today by default), each a link to its presence list. */
export function LessonsPage() {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const { data, error, loading, refetch } = useGraphqlQuery(PresenceLessonsDocument, { date });
  return (
    <>
      <PageHeading>{t('presence.lessonsTitle')}</PageHeading>
      <Paragraph>{t('presence.lessonsIntro')}</Paragraph>
      <TextField id="lessons-date" type="date" label={t('presence.date')} value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && data.presenceLessons.length === 0 && <Paragraph>{t('presence.none')}</Paragraph>}
      <ul className="presence-cards">
        {data?.presenceLessons.map((lesson) => (
          <li key={lesson.id} className="presence-card">
            <Link to={`${PRESENCE_PATHS.lesson}?id=${lesson.id}`} className="presence-card__link">
              <strong>{lesson.groupName}</strong> · {lesson.startTime}–{lesson.endTime}
            </Link>
            <span>{dutchDate(lesson.date)} · {lesson.location}</span>
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
