import { calendarDateInAmsterdam } from '@inburgering/domain';

/** The name of an exported file with the date of the export in Amsterdam (an export at 00:30 is of today, not of yesterday in UTC). */
export function datedFileName(base: string, extension: 'csv' | 'xlsx', now: Date = new Date()): string {
  return `${base}-${calendarDateInAmsterdam(now)}.${extension}`;
}
