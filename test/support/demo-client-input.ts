import { addDays, addWeeks, calendarDateInAmsterdam, generateSyntheticBsn } from '@inburgering/domain';

/** A valid new client whose PIP deadline falls within the due-soon window (registered 9 weeks ago, no PIP yet). */
export function clientDueForPip(seed: number) {
  const today = calendarDateInAmsterdam(new Date());
  return {
    bsn: generateSyntheticBsn(9000 + seed),
    firstName: 'Testa',
    lastName: `Persoon ${seed}`,
    dateOfBirth: '1990-05-17',
    targetGroup: 'STATUS_HOLDER' as const,
    brpRegistrationDate: addDays(addWeeks(today, -10), 5),
  };
}
