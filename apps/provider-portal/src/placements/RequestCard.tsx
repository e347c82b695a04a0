import { AcceptPlacementDocument, RejectPlacementDocument, type ProviderPlacementDetailFragment } from '@inburgering/contracts';
import { formatDateNl, formatEuroCentsNl, formatHoursNl, levelLabel, parseDutchDate, routeLabel } from '@inburgering/domain';
import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading2 } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextAreaField, TextField } from '../components/form-fields';
import { graphqlRequest } from '../graphql/request';
import { formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from './form-errors';

/** One request: what the PIP says, and accept (start date, location, group) or reject (reason). */
export function RequestCard({ placement, onDone }: { placement: ProviderPlacementDetailFragment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const slot = placement.startMoment;
  const prefix = `p-${placement.id.slice(0, 8)}`;
  const [startDate, setStartDate] = useState(slot ? formatDateNl(slot.startsOn) : placement.agreement ? formatDateNl(placement.agreement.startsOn) : '');
  const [location, setLocation] = useState(slot?.location ?? '');
  const [group, setGroup] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const c = placement.client;
  const number = String(c.clientNumber);
  const none = t('clientPage.none');

  async function accept(event: FormEvent) {
    event.preventDefault();
    const date = parseDutchDate(startDate);
    if (!date) return setErrors(localErrors(prefix, [['startDate', t('registerClient.invalidDate')]]));
    setBusy(true);
    try {
      await graphqlRequest(AcceptPlacementDocument, { input: { placementId: placement.id, version: placement.version, startDate: date, location, groupName: group || null } });
      onDone(t('inbox.accepted', { number }));
    } catch (err) {
      setErrors(formErrorsOf(err, prefix, ['startDate', 'location', 'groupName', 'startMomentId']));
      setBusy(false);
    }
  }

  async function reject(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await graphqlRequest(RejectPlacementDocument, { input: { placementId: placement.id, version: placement.version, reason } });
      onDone(t('inbox.rejected', { number }));
    } catch (err) {
      setErrors(formErrorsOf(err, prefix, ['reason']));
      setBusy(false);
    }
  }

  return (
    <section className="portal-card" aria-labelledby={`${prefix}-title`} data-testid="request-card">
      <Heading2 id={`${prefix}-title`}>{t('inbox.requestFor', { number, name: `${c.firstName} ${c.lastName}` })}</Heading2>
      <ErrorSummary errors={errors.summary} />
      <DataList>
        {[
          [t('inbox.municipality'), c.municipality.name],
          [t('inbox.dateOfBirth'), formatDateNl(c.dateOfBirth)],
          [t('inbox.routeLevel'), `${c.route ? routeLabel(c.route) : none}${c.level ? `, ${levelLabel(c.level)}` : ''}`],
          [t('inbox.pipHours'), c.pipMinutesPerWeek ? t('clientPage.hours', { hours: formatHoursNl(c.pipMinutesPerWeek) }) : none],
          [t('inbox.pipPattern'), c.pipLessonPattern ?? none],
          placement.agreement
            ? [t('inbox.agreement'), t('inbox.agreementValue', { from: formatDateNl(placement.agreement.startsOn), to: formatDateNl(placement.agreement.endsOn), price: formatEuroCentsNl(placement.agreement.priceCents) })]
            : [t('inbox.startMoment'), slot ? `${formatDateNl(slot.startsOn)}, ${slot.location}` : none],
        ].map(([key, value]) => (
          <DataListItem key={key}>
            <DataListKey>{key}</DataListKey>
            <DataListValue>{value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
      <form className="portal-form" onSubmit={accept} noValidate>
        <TextField id={`${prefix}-startDate`} label={t('inbox.startDate')} description={t('registerClient.dateHint')} value={startDate}
          onChange={(e) => setStartDate(e.target.value)} errorMessage={errors.byField.startDate ?? errors.byField.startMomentId} autoComplete="off" />
        <TextField id={`${prefix}-location`} label={t('inbox.location')} value={location} onChange={(e) => setLocation(e.target.value)} errorMessage={errors.byField.location} />
        <TextField id={`${prefix}-groupName`} label={t('inbox.group')} value={group} onChange={(e) => setGroup(e.target.value)} errorMessage={errors.byField.groupName} />
        <Button appearance="primary-action-button" type="submit" disabled={busy}>{t('inbox.accept')}</Button>
      </form>
      <form className="portal-form" onSubmit={reject} noValidate>
        <TextAreaField id={`${prefix}-reason`} label={t('inbox.reason')} value={reason} onChange={(e) => setReason(e.target.value)} errorMessage={errors.byField.reason} rows={2} />
        <Button appearance="secondary-action-button" type="submit" disabled={busy}>{t('inbox.reject')}</Button>
      </form>
    </section>
  );
}
