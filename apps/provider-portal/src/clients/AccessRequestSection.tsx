import { Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { withActingMunicipality } from '../auth/acting-municipality';

/** A data subject's access request (AVG art. 15): everything held on the client and who saw it, as PDF and as JSON. */
export function AccessRequestSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const base = `/api/clients/${encodeURIComponent(clientId)}/inzage`;
  return (
    <section aria-labelledby="access-request-heading">
      <Heading2 id="access-request-heading">{t('clientPage.accessRequest.title')}</Heading2>
      <Paragraph>{t('clientPage.accessRequest.intro')}</Paragraph>
      <Paragraph>
        <Link href={withActingMunicipality(`${base}.pdf`)} download>{t('clientPage.accessRequest.pdf')}</Link>
        {' · '}
        <Link href={withActingMunicipality(`${base}.json`)} download>{t('clientPage.accessRequest.json')}</Link>
      </Paragraph>
    </section>
  );
}
