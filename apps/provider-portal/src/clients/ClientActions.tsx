import type { ClientDetailFragment } from '@inburgering/contracts';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionPanel } from './ActionPanel';
import { ClientDataForm } from './ClientDataForm';
import { MoveClientForm } from './MoveClientForm';
import { PipForm } from './PipForm';
import { RouteSwitchForm } from './RouteSwitchForm';

/** The consultant's changes to one client, each behind its own button: data and intake, PIP, route switch, move. */
export function ClientActions({ client, onDone }: { client: ClientDetailFragment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const finish = (close: () => void) => (message: string) => {
    close();
    onDone(message);
  };
  return (
    <section aria-labelledby="actions-heading" className="portal-client-actions">
      <Heading2 id="actions-heading">{t('clientActions.title')}</Heading2>
      <Paragraph>{t('clientActions.intro')}</Paragraph>
      <ActionPanel id="action-data" label={t('clientActions.data.open')}>
        {(close) => <ClientDataForm client={client} onCancel={close} onDone={finish(close)} />}
      </ActionPanel>
      <ActionPanel id="action-pip" label={t('clientActions.pip.open')}>
        {(close) => <PipForm client={client} onCancel={close} onDone={finish(close)} />}
      </ActionPanel>
      {client.route && (
        <ActionPanel id="action-route-switch" label={t('clientActions.routeSwitch.open')}>
          {(close) => <RouteSwitchForm client={client} onCancel={close} onDone={finish(close)} />}
        </ActionPanel>
      )}
      <ActionPanel id="action-move" label={t('clientActions.move.open')}>
        {(close) => <MoveClientForm client={client} onCancel={close} />}
      </ActionPanel>
    </section>
  );
}
