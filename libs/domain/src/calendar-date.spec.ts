import {
  addDays, addMonths, addWeeks, addYears, calendarDateInAmsterdam, compareDates, daysBetween, isCalendarDate,
  isoWeekLabel, isoWeekOf, isoWeekday, mondayOfIsoWeek, parseCalendarDate, startOfIsoWeek,
} from './calendar-date';

describe('calendar dates', () => {
  it('accepts only existing YYYY-MM-DD dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate(20250101)).toBe(false);
    // Only ASCII digits and dashes in their places, nothing around them.
    for (const text of ['2025-0a-01', '2025/01/01', '+025-01-01', '2025-01-01 ', ' 2025-01-01', '2025-01-0\uff11', '2025-01-0.', '2025--1-01', '']) {
      expect(isCalendarDate(text)).toBe(false);
    }
    expect(parseCalendarDate(' 2025-01-31 ')).toBe('2025-01-31');
    expect(parseCalendarDate('31-01-2025')).toBeNull();
  });

  it('knows the Gregorian leap years (every 4th year, not centuries, but every 400th)', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-12-31')).toBe(true);
    expect(isCalendarDate('2026-11-31')).toBe(false);
  });

  it('adds days and weeks across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addWeeks('2025-01-01', 10)).toBe('2025-03-12');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31'); // DST change in Europe does not shift dates
  });

  it('adds months with end-of-month clamping', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-03-01', 18)).toBe('2026-09-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('compares dates and counts days between them', () => {
    expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(compareDates('2025-09-30', '2025-10-01')).toBe(-1);
    expect(() => compareDates('2025-02-30', '2025-01-01')).toThrow(RangeError);
    expect(() => compareDates('2025-01-01', '1-1-2025')).toThrow(RangeError);
    expect(daysBetween('2024-12-31', '2025-03-01')).toBe(60);
    expect(daysBetween('2025-03-01', '2024-12-31')).toBe(-60);
  });

  it('computes ISO weeks, including weeks that belong to another year', () => {
    expect(isoWeekday('2025-03-03')).toBe(1);
    expect(isoWeekday('2025-03-09')).toBe(7);
    expect(isoWeekOf('2021-01-03')).toEqual({ isoYear: 2020, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ isoYear: 2025, week: 1 });
    expect(isoWeekLabel('2026-01-01')).toBe('2026-W01');
    expect(isoWeekLabel('2025-04-07')).toBe('2025-W15');
  });

  it('finds the Monday of an ISO week', () => {
    expect(startOfIsoWeek('2025-03-09')).toBe('2025-03-03');
    expect(startOfIsoWeek('2025-03-03')).toBe('2025-03-03');
    expect(mondayOfIsoWeek(2025, 1)).toBe('2024-12-30');
    expect(mondayOfIsoWeek(2020, 53)).toBe('2020-12-28');
  });

  it('gives the Amsterdam calendar date of a UTC moment', () => {
    expect(calendarDateInAmsterdam(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
    expect(calendarDateInAmsterdam(new Date('2025-12-31T22:59:59Z'))).toBe('2025-12-31');
    expect(calendarDateInAmsterdam(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01');
  });

  it('refuses invalid input instead of computing garbage', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});
