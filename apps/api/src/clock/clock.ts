import { calendarDateInAmsterdam, type CalendarDate } from '@inburgering/domain';

/**
 * The time as the platform sees it. Services and jobs take it by injection instead of calling `new Date()`, so a test
 * sets the date instead of depending on today (and "today" is always Amsterdam's date, not UTC's).
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's calendar date in Europe/Amsterdam. */
  today(): CalendarDate {
    return calendarDateInAmsterdam(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock a test sets; it stands still unless told to move. */
export class SettableClock extends Clock {
  private current: Date;

  constructor(start: Date = new Date()) {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date): void {
    this.current = new Date(instant);
  }

  /** Noon in Amsterdam on `date`, so the calendar date is the same in every time zone around it. */
  setToday(date: CalendarDate): void {
    this.current = new Date(`${date}T11:00:00Z`);
  }

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}
