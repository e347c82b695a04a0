import {
  ChangeUserRoleDocument, InviteUserDocument, ManagedUsersDocument, type ManagedUsersQuery, ResetSecondFactorDocument, type Role, SentInvitationsDocument, type SentInvitationsQuery,
  SetUserActiveDocument,
} from '@inburgering/contracts';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session-context';
import { ConfirmButton } from '../components/ConfirmButton';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { fieldId, formErrorsOf, NO_ERRORS, type FormErrors } from '../procurement/form/form-errors';
import { moment } from './admin-format';

type Page = ManagedUsersQuery['managedUsers'];
type User = Page['items'][number];
type Mail = SentInvitationsQuery['sentInvitationPage']['items'][number];
const PAGE = 50;
const INVITE_FIELDS = ['organisationId', 'email', 'displayName', 'role'] as const;

/** The accounts the administrator manages: invite by e-mail, change a role, deactivate or reactivate (issue 14). */
export function UsersAdminPage() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const users = useGraphqlQuery(ManagedUsersDocument, { organisationId: null, limit: PAGE, offset });
  const [mailOffset, setMailOffset] = useState(0);
  const mails = useGraphqlQuery(SentInvitationsDocument, { limit: PAGE, offset: mailOffset });
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Only the region's functioneel beheerder resets a second factor (a provider's own administrator does not).
  const isRegionAdmin = useCurrentUser().role === 'ADMIN';
  const refresh = () => { users.refetch(); mails.refetch(); };
  const roleLabel = (role: Role) => t(`admin.roles.${role}`);

  async function run(action: () => Promise<unknown>) {
    setFailure(null);
    setDone(null);
    try {
      await action();
      refresh();
    } catch (err) {
      setFailure(err instanceof GraphqlRequestError ? err.message : t('errors.unexpected'));
    }
  }

  const organisations = users.data?.managedUsers.organisations ?? [];
  const columns: DataTableColumn<User>[] = [
    { id: 'displayName', header: t('admin.users.name'), text: (u) => u.displayName, sortable: true },
    { id: 'email', header: t('admin.users.email'), text: (u) => u.email, sortable: true },
    { id: 'organisationName', header: t('admin.users.organisation'), text: (u) => u.organisationName, sortable: true },
    {
      id: 'role', header: t('admin.users.role'), text: (u) => roleLabel(u.role) + (u.managesOwnUsers ? ` (${t('admin.users.managesOwnUsers')})` : ''),
      render: (u) => {
        const allowed = organisations.find((o) => o.id === u.organisationId)?.assignableRoles ?? [];
        return (
          <label>
            <span className="portal-visually-hidden">{t('admin.users.roleOf', { name: u.displayName })}</span>
            <select className="utrecht-select utrecht-select--html-select" value={u.role}
              onChange={(ev) => void run(() => graphqlRequest(ChangeUserRoleDocument, { input: { userId: u.id, role: ev.target.value as Role } }))}>
              {[u.role, ...allowed.filter((r) => r !== u.role)].map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
            </select>
          </label>
        );
      },
    },
    { id: 'active', header: t('admin.users.status'), text: (u) => (u.active ? t('admin.users.active') : t('admin.users.inactive')) },
    {
      id: 'actions', header: t('admin.users.actions'), text: () => '',
      render: (u) => (u.active
        ? <>
            <ConfirmButton label={t('admin.users.deactivate', { name: u.displayName })} question={t('admin.users.deactivateQuestion', { name: u.displayName })} confirmText={t('admin.users.deactivateConfirm')}
              onConfirm={() => void run(() => graphqlRequest(SetUserActiveDocument, { input: { userId: u.id, active: false } }))}>
              {t('admin.users.deactivateShort')}
            </ConfirmButton>
            {isRegionAdmin && (
              <ConfirmButton label={t('admin.users.resetFactor', { name: u.displayName })} question={t('admin.users.resetFactorQuestion', { name: u.displayName })} confirmText={t('admin.users.resetFactorConfirm')}
                onConfirm={() => void run(async () => {
                  await graphqlRequest(ResetSecondFactorDocument, { userId: u.id });
                  setDone(t('admin.users.resetFactorDone', { name: u.displayName }));
                })}>
                {t('admin.users.resetFactorShort')}
              </ConfirmButton>
            )}
          </>
        : <Button appearance="secondary-action-button" type="button" onClick={() => void run(() => graphqlRequest(SetUserActiveDocument, { input: { userId: u.id, active: true } }))}>
            {t('admin.users.reactivate', { name: u.displayName })}
          </Button>),
    },
  ];

  return (
    <>
      <PageHeading>{t('adminNav.users')}</PageHeading>
      <Paragraph lead>{t('admin.users.intro')}</Paragraph>
      <QueryFeedback loading={users.loading} error={users.error} hasData={Boolean(users.data)} onRetry={users.refetch} />
      {users.data && <InviteForm organisations={organisations} onInvited={refresh} />}
      {failure && <p role="alert">{failure}</p>}
      <p role="status">{done ?? ''}</p>
      {users.data && (
        <DataTable stacksOnPhone caption={t('admin.users.caption')} columns={columns} rows={users.data.managedUsers.items} rowKey={(u) => u.id} rowHeader="displayName"
          exportFileName="gebruikers" filterable emptyMessage={t('admin.users.empty')}
          footer={<Pagination offset={offset} pageSize={PAGE} total={users.data.managedUsers.total} onChange={setOffset} />} />
      )}
      <div>
        <Heading level={2} id="sent-invitations">{t('admin.mails.title')}</Heading>
        <Paragraph>{t('admin.mails.intro')}</Paragraph>
        <QueryFeedback loading={mails.loading} error={mails.error} hasData={Boolean(mails.data)} onRetry={mails.refetch} />
        {mails.data && (
          <SentMails mails={mails.data.sentInvitationPage.items}
            footer={<Pagination offset={mailOffset} pageSize={PAGE} total={mails.data.sentInvitationPage.total} onChange={setMailOffset} label={t('admin.mails.pagination')} />} />
        )}
      </div>
    </>
  );
}

function SentMails({ mails, footer }: { mails: readonly Mail[]; footer: ReactNode }) {
  const { t } = useTranslation();
  const columns: DataTableColumn<Mail>[] = [
    { id: 'recipient', header: t('admin.mails.recipient'), text: (m) => m.recipient },
    { id: 'createdAt', header: t('admin.mails.createdAt'), text: (m) => moment(m.createdAt), sortValue: (m) => m.createdAt },
    { id: 'status', header: t('admin.mails.status'), text: (m) => (m.acceptedAt ? t('admin.mails.accepted') : new Date(m.expiresAt) < new Date() ? t('admin.mails.expired') : m.sentAt ? t('admin.mails.sent') : t('admin.mails.queued')) },
    { id: 'expiresAt', header: t('admin.mails.expiresAt'), text: (m) => moment(m.expiresAt), sortValue: (m) => m.expiresAt },
    { id: 'body', header: t('admin.mails.body'), text: (m) => m.body, render: (m) => <span className="portal-mail-body">{m.body}</span> },
  ];
  return <DataTable stacksOnPhone caption={t('admin.mails.caption')} columns={columns} rows={mails} rowKey={(m) => m.id} rowHeader="recipient" emptyMessage={t('admin.mails.empty')} footer={footer} />;
}

function InviteForm({ organisations, onInvited }: { organisations: Page['organisations']; onInvited: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ organisationId: organisations[0]?.id ?? '', email: '', displayName: '', role: (organisations[0]?.assignableRoles[0] ?? '') as Role | '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const organisation = organisations.find((o) => o.id === form.organisationId);
  const roles = organisation?.assignableRoles ?? [];
  const id = (field: string) => fieldId('invite', field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const { inviteUser } = await graphqlRequest(InviteUserDocument, { input: { organisationId: form.organisationId, email: form.email.trim(), displayName: form.displayName.trim(), role: (form.role || roles[0]) as Role } });
      setErrors(NO_ERRORS);
      setForm({ ...form, email: '', displayName: '' });
      setNotice(t('admin.invite.sent', { email: inviteUser.recipient }));
      onInvited();
    } catch (err) {
      setErrors(formErrorsOf(err, 'invite', INVITE_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-label={t('admin.invite.title')}>
      <Heading level={2}>{t('admin.invite.title')}</Heading>
      {notice && <Alert type="ok" role="status"><Paragraph>{notice}</Paragraph></Alert>}
      <ErrorSummary errors={errors.summary} />
      <SelectField id={id('organisationId')} label={t('admin.invite.organisation')} value={form.organisationId} errorMessage={errors.byField.organisationId}
        onChange={(ev) => setForm({ ...form, organisationId: ev.target.value, role: organisations.find((o) => o.id === ev.target.value)?.assignableRoles[0] ?? '' })}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
      <TextField id={id('displayName')} label={t('admin.invite.displayName')} value={form.displayName} autoComplete="off" errorMessage={errors.byField.displayName}
        onChange={(ev) => setForm({ ...form, displayName: ev.target.value })} />
      <TextField id={id('email')} label={t('admin.invite.email')} type="email" value={form.email} autoComplete="off" errorMessage={errors.byField.email}
        onChange={(ev) => setForm({ ...form, email: ev.target.value })} />
      <SelectField id={id('role')} label={t('admin.invite.role')} value={form.role} errorMessage={errors.byField.role}
        onChange={(ev) => setForm({ ...form, role: ev.target.value as Role })} options={roles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('admin.invite.sending') : t('admin.invite.submit')}</Button>
    </form>
  );
}
