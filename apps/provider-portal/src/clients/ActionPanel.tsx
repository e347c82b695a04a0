import { Button } from '@utrecht/component-library-react';
import { useRef, useState, type ReactNode } from 'react';

/** A button that shows or hides one action form (disclosure pattern); the form closes itself after success. */
export function ActionPanel({ id, label, children }: { id: string; label: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="portal-action-panel">
      <Button ref={button} appearance="secondary-action-button" type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {label}
      </Button>
      <div id={id} hidden={!open} className="portal-action-panel__body">
        {open && children(close)}
      </div>
    </div>
  );
}
