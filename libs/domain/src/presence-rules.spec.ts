import {
  attendedLessonMinutes, checkLessonClosable, checkLessonOpen, checkPresenceCorrection, checkSignInOpen, checkWeeklySchedule, expandLessonSchedule,
  isLateArrival, isSignInOpen, lessonHoursOf, localMomentInAmsterdam, minutesOfTime, normalisePresenceCode, plannedLessonMinutes,
} from './presence-rules';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);
const lesson = { date: '2026-11-30', startTime: '09:00', endTime: '12:00' };
const schedule = { weekdays: [1, 3], startTime: '09:00', endTime: '12:00', from: '2026-11-30', until: '2026-12-13' };

describe('expandLessonSchedule', () => {
  it('gives every chosen weekday in the period', () => {
    expect(expandLessonSchedule(schedule, []).map((l) => l.date)).toEqual(['2026-11-30', '2026-12-02', '2026-12-07', '2026-12-09']);
  });

  it('drops holidays and cancelled lessons and adds extra lessons, also on another weekday, in date order', () => {
    const lessons = expandLessonSchedule(schedule, [
      { date: '2026-12-02', kind: 'HOLIDAY' },
      { date: '2026-12-07', kind: 'CANCELLED' },
      { date: '2026-12-05', kind: 'EXTRA', startTime: '10:00', endTime: '11:30' },
    ]);
    expect(lessons).toEqual([
      { date: '2026-11-30', startTime: '09:00', endTime: '12:00', kind: 'REGULAR' },
      { date: '2026-12-05', startTime: '10:00', endTime: '11:30', kind: 'EXTRA' },
      { date: '2026-12-09', startTime: '09:00', endTime: '12:00', kind: 'REGULAR' },
    ]);
  });
});

describe('checkWeeklySchedule', () => {
  it('accepts a valid schedule and refuses bad times, no weekdays, reversed or over-long periods', () => {
    expect(checkWeeklySchedule(schedule)).toEqual([]);
    expect(codes(checkWeeklySchedule({ ...schedule, startTime: '9 uur' }))).toEqual(['TIME_INVALID']);
    expect(codes(checkWeeklySchedule({ ...schedule, endTime: '08:00' }))).toEqual(['END_BEFORE_START']);
    expect(codes(checkWeeklySchedule({ ...schedule, weekdays: [] }))).toEqual(['WEEKDAYS_INVALID']);
    expect(codes(checkWeeklySchedule({ ...schedule, until: '2026-11-01' }))).toEqual(['UNTIL_BEFORE_FROM']);
    expect(codes(checkWeeklySchedule({ ...schedule, until: '2028-01-01' }))).toEqual(['SCHEDULE_TOO_LONG']);
  });
});

describe('isSignInOpen', () => {
  it('is open from 15 minutes before the start to 15 minutes after the end, on the lesson day only', () => {
    expect(isSignInOpen(lesson, { date: '2026-11-30', minutes: minutesOfTime('08:45') })).toBe(true);
    expect(isSignInOpen(lesson, { date: '2026-11-30', minutes: minutesOfTime('08:44') })).toBe(false);
    expect(isSignInOpen(lesson, { date: '2026-11-30', minutes: minutesOfTime('12:15') })).toBe(true);
    expect(isSignInOpen(lesson, { date: '2026-11-30', minutes: minutesOfTime('12:16') })).toBe(false);
    expect(isSignInOpen(lesson, { date: '2026-12-01', minutes: minutesOfTime('10:00') })).toBe(false);
    expect(checkSignInOpen(lesson, { date: '2026-11-30', minutes: 0 })[0].message).toContain('09:00–12:00');
  });
});

describe('attendedLessonMinutes', () => {
  it('counts from arrival (after a 5-minute grace) to departure, rounded to 5 minutes, never above planned', () => {
    expect(plannedLessonMinutes(lesson)).toBe(180);
    expect(attendedLessonMinutes(lesson, minutesOfTime('08:50'), null)).toBe(180);
    expect(attendedLessonMinutes(lesson, minutesOfTime('09:04'), null)).toBe(180);
    expect(attendedLessonMinutes(lesson, minutesOfTime('09:22'), null)).toBe(160);
    expect(attendedLessonMinutes(lesson, minutesOfTime('09:23'), null)).toBe(155);
    expect(attendedLessonMinutes(lesson, minutesOfTime('09:00'), minutesOfTime('11:00'))).toBe(120);
    expect(attendedLessonMinutes(lesson, null, null)).toBe(0);
    expect(isLateArrival(lesson, minutesOfTime('09:05'))).toBe(false);
    expect(isLateArrival(lesson, minutesOfTime('09:06'))).toBe(true);
  });
});

describe('lessonHoursOf', () => {
  it('gives a reason for every missed minute: the teacher\'s, else unexcused; none for a full lesson', () => {
    expect(lessonHoursOf(lesson, { arrivalMinutes: 540, departureMinutes: null, absenceReason: null })).toEqual({ plannedMinutes: 180, attendedMinutes: 180, absenceReason: null });
    expect(lessonHoursOf(lesson, { arrivalMinutes: null, departureMinutes: null, absenceReason: 'SICK' })).toEqual({ plannedMinutes: 180, attendedMinutes: 0, absenceReason: 'SICK' });
    expect(lessonHoursOf(lesson, { arrivalMinutes: 600, departureMinutes: null, absenceReason: null }).absenceReason).toBe('UNEXCUSED');
    expect(lessonHoursOf(lesson, { arrivalMinutes: 540, departureMinutes: null, absenceReason: 'SICK' }).absenceReason).toBeNull();
  });
});

describe('closing and correcting a list', () => {
  it('closes only an open, started list with every student marked', () => {
    expect(checkLessonClosable({ status: 'OPEN', lessonStarted: true, unmarkedStudents: 0 })).toEqual([]);
    expect(codes(checkLessonClosable({ status: 'OPEN', lessonStarted: false, unmarkedStudents: 2 }))).toEqual(['LESSON_NOT_STARTED', 'STUDENTS_UNMARKED']);
    expect(codes(checkLessonClosable({ status: 'CLOSED', lessonStarted: true, unmarkedStudents: 0 }))).toEqual(['LESSON_CLOSED']);
  });

  it('never changes a closed list; a correction needs a closed list and a reason', () => {
    expect(checkLessonOpen('OPEN')).toEqual([]);
    expect(codes(checkLessonOpen('CLOSED'))).toEqual(['LESSON_CLOSED']);
    expect(codes(checkPresenceCorrection('OPEN', 'Vergeten aan te melden'))).toEqual(['LESSON_NOT_CLOSED']);
    expect(codes(checkPresenceCorrection('CLOSED', ' '))).toEqual(['CORRECTION_REASON_REQUIRED']);
    expect(checkPresenceCorrection('CLOSED', 'Was wel aanwezig, telefoon leeg')).toEqual([]);
  });
});

describe('localMomentInAmsterdam and codes', () => {
  it('reads the Dutch wall clock (winter: UTC+1, summer: UTC+2)', () => {
    expect(localMomentInAmsterdam(new Date('2026-11-30T08:30:00Z'))).toEqual({ date: '2026-11-30', minutes: 9 * 60 + 30 });
    expect(localMomentInAmsterdam(new Date('2026-06-30T22:30:00Z'))).toEqual({ date: '2026-07-01', minutes: 30 });
  });

  it('ignores case, spaces and dashes in a typed code', () => {
    expect(normalisePresenceCode('ab-cd ef23')).toBe('ABCDEF23');
  });
});
