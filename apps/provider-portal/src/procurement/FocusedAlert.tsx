import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';

/**
 * A confirmation that takes the focus when it appears, so screen reader users hear it; give it a new key for
 * every new confirmation so it takes the focus again.
 */
export function FocusedAlert({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type="ok" ref={ref} tabIndex={-1} className="portal-focused-alert">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
