import type { EvidencePeriodStatus } from '@inburgering/contracts';
import { StatusBadge } from '@utrecht/component-library-react';
import { PERIOD_BADGE } from './requirement-status';

/** The API's Dutch label of a period (Open, Binnenkort, Te laat, Ingediend, Goedgekeurd, Afgekeurd) as a badge. */
export function PeriodStatusBadge({ status, label }: { status: EvidencePeriodStatus; label: string }) {
  return <StatusBadge status={PERIOD_BADGE[status]}>{label}</StatusBadge>;
}
