/** A moment as the Dutch read it, in Amsterdam time. */
export const moment = (iso: string) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
