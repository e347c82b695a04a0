import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once; the heading takes the focus so screen readers announce them. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-codes-heading" className="portal-security-section">
      <Heading2 id="recovery-codes-heading" ref={heading} tabIndex={-1}>
        {t('totp.recoveryHeading')}
      </Heading2>
      <Paragraph>{t('totp.recoveryIntro')}</Paragraph>
      <ul className="portal-recovery-codes" aria-label={t('totp.recoveryListLabel')}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button appearance="primary-action-button" type="button" onClick={onDone}>
        {t('totp.recoveryDone')}
      </Button>
    </section>
  );
}
