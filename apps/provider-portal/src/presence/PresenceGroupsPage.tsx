import {
  CreatePresenceGroupDocument, IssuePresenceCardDocument, PresenceGroupsDocument, PresenceTeachersDocument, ProviderPlacementsDocument, RevokePresenceCardDocument,
} from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../placements/form-errors';
import { todayIso } from './presence-format';
import { PRESENCE_PATHS } from './presence-pages';
import './presence.css';

const FIELDS = ['name', 'location', 'daypart', 'teacherUserId', 'weekdays', 'startTime', 'endTime', 'from', 'until', 'placementIds'] as const;
const DAYPARTS = ['DAYTIME', 'EVENING', 'ON_THE_JOB'] as const;
/** Placements shown per search in the member picker. */
const MEMBER_PAGE = 50;

/** The provider's groups with schedule and teacher, the students' sign-in cards (with QR), and a form for a new group. */
export function PresenceGroupsPage() {
  const { t } = useTranslation();
  const groups = useGraphqlQuery(PresenceGroupsDocument);
  const teachers = useGraphqlQuery(PresenceTeachersDocument);
  const [search, setSearch] = useState('');
  const [searchTerm, setSearchTerm] = useState('');
  const placements = useGraphqlQuery(ProviderPlacementsDocument, { filter: { statuses: ['ACCEPTED', 'STARTED'], search: searchTerm || null }, limit: MEMBER_PAGE });
  const [card, setCard] = useState<{ name: string; code: string; qrSvg: string } | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const [form, setForm] = useState({ name: '', location: '', daypart: 'DAYTIME', teacherUserId: '', startTime: '09:00', endTime: '12:00', from: todayIso(), until: '' });
  const [weekdays, setWeekdays] = useState<string[]>(['1']);
  // Chosen members with their labels, kept while the search changes (a large provider has thousands of placements).
  const [members, setMembers] = useState<Map<string, string>>(new Map());
  const days = t('presence.days', { returnObjects: true }) as string[];
  const placed = placements.data?.providerPlacementPage.items ?? [];
  const found = placements.data?.providerPlacementPage.total ?? 0;
  const labelOf = (p: (typeof placed)[number]) => `${p.client.firstName} ${p.client.lastName} (${p.client.clientNumber})${p.groupName ? ` · ${p.groupName}` : ''}`;
  const toggle = (id: string, label: string, checked: boolean) => setMembers((m) => {
    const next = new Map(m);
    if (checked) next.set(id, label);
    else next.delete(id);
    return next;
  });

  async function issue(placementId: string, name: string) {
    try {
      const { issuePresenceCard } = await graphqlRequest(IssuePresenceCardDocument, { input: { placementId } });
      setCard({ name, code: issuePresenceCard.code, qrSvg: issuePresenceCard.qrSvg });
      groups.refetch();
    } catch (err) {
      setErrors(formErrorsOf(err, 'group', []));
    }
  }

  async function revoke(placementId: string) {
    await graphqlRequest(RevokePresenceCardDocument, { input: { placementId } });
    setCard(null);
    groups.refetch();
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const { createPresenceGroup } = await graphqlRequest(CreatePresenceGroupDocument, {
        input: { ...form, weekdays: weekdays.map(Number), placementIds: [...members.keys()], exceptions: [] },
      });
      setNotice(t('presence.created', { count: createPresenceGroup.lessonCount }));
      setMembers(new Map());
      groups.refetch();
    } catch (err) {
      setErrors(formErrorsOf(err, 'group', FIELDS));
    }
  }

  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: event.target.value }));

  return (
    <>
      <PageHeading>{t('presence.groupsTitle')}</PageHeading>
      <Paragraph>{t('presence.groupsIntro')}</Paragraph>
      <QueryFeedback loading={groups.loading} error={groups.error} hasData={Boolean(groups.data)} onRetry={groups.refetch} />
      <div role="status" aria-live="polite">
        {notice && <Alert type="ok"><Paragraph>{notice}</Paragraph></Alert>}
        {card && (
          <Alert type="info">
            <Paragraph>{t('presence.newCard', { name: card.name, code: card.code })}</Paragraph>
            <img className="presence-qr" alt={t('presence.qrAlt', { name: card.name })} src={`data:image/svg+xml;base64,${btoa(card.qrSvg)}`} />
          </Alert>
        )}
      </div>
      <ErrorSummary errors={errors.summary} />
      {groups.data?.presenceGroups.length === 0 && <Paragraph>{t('presence.noGroups')}</Paragraph>}
      {groups.data?.presenceGroups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`} className="presence-card">
          <Heading level={2} id={`group-${group.id}`}>{group.name}</Heading>
          <Paragraph>
            {group.location} · {t('presence.teacher')}: {group.teacherName} ·{' '}
            {t('presence.schedule', { days: group.weekdays.map((d) => days[d - 1]).join(', '), start: group.startTime, end: group.endTime, from: formatDateNl(group.scheduleFrom), until: formatDateNl(group.scheduleUntil) })}
          </Paragraph>
          <Paragraph>
            <Link to={`${PRESENCE_PATHS.audit}?groep=${group.id}`}>
              {t('presence.audit')}<span className="portal-visually-hidden"> {group.name}</span>
            </Link>
            {' · '}
            <a href={`/api/presence/export.xlsx?groupId=${group.id}&from=${group.scheduleFrom}&to=${group.scheduleUntil}`} download>
              {t('presence.export')}<span className="portal-visually-hidden"> {group.name}</span>
            </a>
            {' · '}
            <a href={`/api/presence/export.pdf?groupId=${group.id}&from=${group.scheduleFrom}&to=${group.scheduleUntil}`} download>
              {t('presence.exportPdf')}<span className="portal-visually-hidden"> {group.name}</span>
            </a>
          </Paragraph>
          <ul className="presence-cards">
            {group.members.map((m) => (
              <li key={m.placementId} className="presence-student">
                <span><strong>{m.firstName} {m.lastName}</strong> · {t('presence.clientNumber')} {m.clientNumber}</span>
                <span>{t('presence.card')}: {m.cardHint ? t('presence.cardActive', { hint: m.cardHint }) : t('presence.noCard')}</span>
                <div className="presence-student__actions">
                  <Button type="button" appearance="secondary-action-button" onClick={() => void issue(m.placementId, `${m.firstName} ${m.lastName}`)}>
                    {t('presence.issueCard')}<span className="portal-visually-hidden"> {m.firstName} {m.lastName}</span>
                  </Button>
                  {m.cardHint && (
                    <Button type="button" appearance="subtle-button" onClick={() => void revoke(m.placementId)}>
                      {t('presence.revokeCard')}<span className="portal-visually-hidden"> {m.firstName} {m.lastName}</span>
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <form className="presence-form" onSubmit={(e) => void create(e)} noValidate aria-label={t('presence.createTitle')}>
        <Heading level={2}>{t('presence.createTitle')}</Heading>
        <TextField id="group-name" label={t('presence.groupName')} value={form.name} onChange={set('name')} errorMessage={errors.byField.name} />
        <TextField id="group-location" label={t('presence.location')} value={form.location} onChange={set('location')} errorMessage={errors.byField.location} />
        <SelectField id="group-daypart" label={t('presence.daypart')} value={form.daypart} onChange={set('daypart')} errorMessage={errors.byField.daypart}
          options={DAYPARTS.map((d) => ({ value: d, label: t(`presence.dayparts.${d}`) }))} />
        <SelectField id="group-teacherUserId" label={t('presence.teacher')} value={form.teacherUserId} onChange={set('teacherUserId')} errorMessage={errors.byField.teacherUserId}
          options={[{ value: '', label: '—' }, ...(teachers.data?.presenceTeachers ?? []).map((u) => ({ value: u.id, label: u.displayName }))]} />
        <ChoiceGroup id="group-weekdays" legend={t('presence.weekdays')} type="checkbox" name="weekdays" selected={weekdays} errorMessage={errors.byField.weekdays}
          options={days.map((label, i) => ({ value: String(i + 1), label }))}
          onToggle={(value, checked) => setWeekdays((w) => (checked ? [...w, value] : w.filter((d) => d !== value)))} />
        <TextField id="group-startTime" label={t('presence.startTime')} value={form.startTime} onChange={set('startTime')} errorMessage={errors.byField.startTime} inputMode="numeric" />
        <TextField id="group-endTime" label={t('presence.endTime')} value={form.endTime} onChange={set('endTime')} errorMessage={errors.byField.endTime} inputMode="numeric" />
        <TextField id="group-from" type="date" label={t('presence.from')} value={form.from} onChange={set('from')} errorMessage={errors.byField.from} />
        <TextField id="group-until" type="date" label={t('presence.until')} value={form.until} onChange={set('until')} errorMessage={errors.byField.until} />
        <div className="presence-member-search">
          <TextField id="group-member-search" type="search" label={t('presence.memberSearch')} description={t('presence.memberSearchHint')} value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); setSearchTerm(search.trim()); } }} />
          <Button type="button" appearance="secondary-action-button" onClick={() => setSearchTerm(search.trim())}>{t('presence.memberSearchButton')}</Button>
        </div>
        <Paragraph role="status" aria-live="polite">
          {placements.loading ? t('presence.memberSearching') : t(found > placed.length ? 'presence.memberFoundMore' : 'presence.memberFound', { count: found, shown: placed.length })}
        </Paragraph>
        <ChoiceGroup id="group-placementIds" legend={t('presence.members')} type="checkbox" name="members" selected={[...members.keys()]} errorMessage={errors.byField.placementIds}
          options={placed.map((p) => ({ value: p.id, label: labelOf(p) }))}
          onToggle={(value, checked) => toggle(value, labelOf(placed.find((p) => p.id === value)!), checked)} />
        {members.size > 0 && (
          <div>
            <Paragraph>{t('presence.membersChosen', { count: members.size })}</Paragraph>
            <ul className="presence-chosen">
              {[...members].map(([id, label]) => (
                <li key={id}>
                  {label}{' '}
                  <Button type="button" appearance="subtle-button" onClick={() => toggle(id, label, false)}>
                    {t('presence.memberRemove')}<span className="portal-visually-hidden"> {label}</span>
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Button type="submit" appearance="primary-action-button">{t('presence.create')}</Button>
      </form>
    </>
  );
}
