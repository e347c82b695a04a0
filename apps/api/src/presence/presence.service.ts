import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkLessonClosable, checkLessonOpen, checkPresenceCorrection, checkSignInOpen, isLateArrival, localMomentInAmsterdam, minutesOfTime,
  normalisePresenceCode, type AbsenceReason, type PresenceMarkKind,
} from '@inburgering/domain';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AccessService, scopeToVisibleLessons } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { verifyPassword } from '../auth';
import { Clock } from '../clock';
import { throwIfViolations, ValidationAppError } from '../common';
import { AppUserEntity, PresenceCredentialEntity, PresenceLessonEntity, PresenceMarkEntity } from '../database';
import { writePresenceHours } from '../hours';
import { type Actor, providerScopeOf, type ProviderId } from '../tenancy';
import { PresenceCodeThrottle } from './presence-code-throttle';
import { closedDayTotals, foldMarks, isMarked, lessonsById, marksOf, statusOf, studentsOf, toLesson, toSummary } from './presence-lists';
import {
  ClosePresenceLessonInput, CorrectPresenceInput, MarkPresenceInput, PresenceLessonSummaryType, PresenceLessonType, SignInToLessonInput,
} from './presence.types';

/** A device may be a little ahead of the server; a sign-in further in the future than this is refused. */
const CLOCK_SKEW_MS = 2 * 60_000;

export const hashPresenceCode = (code: string): string => createHash('sha256').update(`presence:${normalisePresenceCode(code)}`).digest('hex');

type NewMark = Pick<PresenceMarkEntity, 'lessonId' | 'placementId' | 'clientMarkId' | 'kind' | 'atMinutes' | 'credentialKind' | 'credentialId' | 'absenceReason' | 'late' | 'recordedByUserId'>
  & Partial<Pick<PresenceMarkEntity, 'correctsMarkId' | 'correctionReason'>>;

/** The teacher's presence lists: today's lessons, signing in, absences, closing with a signature, corrections. */
@Injectable()
export class PresenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly codeThrottle: PresenceCodeThrottle,
  ) {}

  /** The lessons on a day: a teacher's own, or all of the provider's for its staff. */
  async lessonsOn(actor: Actor, date: string): Promise<PresenceLessonSummaryType[]> {
    const providerId = providerScopeOf(actor);
    const query = this.visibleLessons(actor).select('l.id', 'id').andWhere('l.lessonDate = :date', { date });
    const ids = (await query.getRawMany<{ id: string }>()).map((r) => r.id);
    const lessons = await lessonsById(this.db.manager, providerId, ids);
    const students = await studentsOf(this.db.manager, lessons);
    const marks = await marksOf(this.db.manager, ids);
    return lessons.map((l) => toSummary(l, students.filter((s) => s.lessonId === l.id), foldMarks(marks.filter((m) => m.lessonId === l.id))));
  }

  /** The first day after `after` with a lesson the actor sees (as lessonsOn), or null: where a day without lessons points to. */
  async nextLessonDate(actor: Actor, after: string): Promise<string | null> {
    const row = await this.visibleLessons(actor).select('min(l.lessonDate)', 'date').andWhere('l.lessonDate > :after', { after })
      .getRawOne<{ date: string | null }>();
    return row?.date ?? null;
  }

  /** The lessons the actor sees (the access module's condition): a teacher's own, or all of the provider's for its staff. */
  private visibleLessons(actor: Actor) {
    return scopeToVisibleLessons(this.db.getRepository(PresenceLessonEntity).createQueryBuilder('l'), 'l', providerScopeOf(actor), actor);
  }

  async lesson(actor: Actor, lessonId: string): Promise<PresenceLessonType> {
    await this.access.requireOne(actor, 'lesson', lessonId);
    return this.read(this.db.manager, actor, lessonId);
  }

  /** A student signs in (or out) with their own card on the teacher's device; a replay of the same clientMarkId is a no-op. */
  async signIn(actor: Actor, input: SignInToLessonInput, device: string): Promise<PresenceLessonType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'lesson', input.lessonId);
    await this.codeThrottle.assertAllowed(input.lessonId, device);
    const now = this.clock.now();
    const at = input.occurredAt ?? now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw new ValidationAppError([{ field: 'occurredAt', code: 'IN_FUTURE', message: 'Het tijdstip van aanmelden ligt in de toekomst; controleer de klok van het apparaat.' }]);
    }
    return this.db.transaction(async (manager) => {
      const lesson = await this.lock(manager, providerId, input.lessonId);
      if (await this.replayed(manager, input.lessonId, input.clientMarkId)) return this.read(manager, actor, lesson.id);
      throwIfViolations(checkLessonOpen(statusOf(lesson)));
      this.requireHeld(lesson);
      const moment = localMomentInAmsterdam(at);
      throwIfViolations(checkSignInOpen({ date: lesson.lessonDate, startTime: lesson.startTime, endTime: lesson.endTime }, moment));
      const credential = await manager.getRepository(PresenceCredentialEntity).findOneBy({ codeHash: hashPresenceCode(input.code), providerId, revokedAt: IsNull() });
      const students = await studentsOf(manager, [lesson]);
      const student = credential && students.find((s) => s.placementId === credential.placementId);
      if (!credential || !student) {
        await this.codeThrottle.failed(lesson.id, device);
        throw new ValidationAppError([{ field: 'code', code: 'CODE_UNKNOWN', message: 'Deze code is onbekend, ingetrokken of hoort niet bij deze les.' }]);
      }
      const direction: PresenceMarkKind = input.direction === 'DEPARTURE' ? 'DEPARTURE' : 'ARRIVAL';
      await this.insertMark(manager, {
        lessonId: lesson.id, placementId: credential.placementId, clientMarkId: input.clientMarkId, kind: direction, atMinutes: moment.minutes,
        credentialKind: input.credentialKind, credentialId: credential.id, absenceReason: null,
        late: direction === 'ARRIVAL' && isLateArrival(lesson, moment.minutes), recordedByUserId: actor.userId,
      });
      await logProcessing(manager, actor, 'UPDATE', 'client', [student.clientId], PURPOSE.PROVIDER_EXECUTION);
      return this.read(manager, actor, lesson.id);
    });
  }

  /** The teacher records an absence (with reason), a late arrival or an early departure on an open list. */
  async mark(actor: Actor, input: MarkPresenceInput): Promise<PresenceLessonType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'lesson', input.lessonId);
    return this.db.transaction(async (manager) => {
      const lesson = await this.lock(manager, providerId, input.lessonId);
      if (await this.replayed(manager, input.lessonId, input.clientMarkId)) return this.read(manager, actor, lesson.id);
      throwIfViolations(checkLessonOpen(statusOf(lesson)));
      this.requireHeld(lesson);
      const student = await this.studentOf(manager, lesson, input.placementId);
      const atMinutes = this.timeFor(input.kind, input.time);
      if (input.kind === 'ABSENT' && !input.absenceReason) {
        throw new ValidationAppError([{ field: 'absenceReason', code: 'ABSENCE_REASON_REQUIRED', message: 'Kies de reden van afwezigheid: ziek, geoorloofd of ongeoorloofd.' }]);
      }
      await this.insertMark(manager, {
        lessonId: lesson.id, placementId: input.placementId, clientMarkId: input.clientMarkId, kind: input.kind, atMinutes, credentialKind: null, credentialId: null,
        absenceReason: (input.absenceReason ?? null) as AbsenceReason | null, late: input.kind === 'ARRIVAL' && atMinutes !== null && isLateArrival(lesson, atMinutes),
        recordedByUserId: actor.userId,
      });
      await logProcessing(manager, actor, 'UPDATE', 'client', [student.clientId], PURPOSE.PROVIDER_EXECUTION);
      return this.read(manager, actor, lesson.id);
    });
  }

  /**
   * The teacher closes the list with their own password (the signature): afterwards it is immutable. The lesson's hours go
   * into the hour registration (source: presence list) and the absence rules are checked through the outbox at once.
   */
  async close(actor: Actor, input: ClosePresenceLessonInput): Promise<PresenceLessonType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'lesson', input.lessonId);
    const user = await this.db.getRepository(AppUserEntity).findOneByOrFail({ id: actor.userId });
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      throw new ValidationAppError([{ field: 'password', code: 'PASSWORD_WRONG', message: 'Dit wachtwoord klopt niet; de lijst is niet getekend.' }]);
    }
    return this.db.transaction(async (manager) => {
      const lesson = await this.lock(manager, providerId, input.lessonId);
      this.requireHeld(lesson);
      const students = await studentsOf(manager, [lesson]);
      const states = foldMarks(await marksOf(manager, [lesson.id]));
      const now = this.clock.now();
      const moment = localMomentInAmsterdam(now);
      const started = moment.date > lesson.lessonDate || (moment.date === lesson.lessonDate && moment.minutes >= minutesOfTime(lesson.startTime));
      throwIfViolations(checkLessonClosable({ status: statusOf(lesson), lessonStarted: started, unmarkedStudents: students.filter((s) => !isMarked(states.get(s.placementId))).length }));
      const signature = `Getekend door ${user.displayName} (${user.email}) op ${now.toISOString()}, met wachtwoord bevestigd`;
      await manager.getRepository(PresenceLessonEntity).update({ id: lesson.id }, { closedAt: now, closedByUserId: actor.userId, closingSignature: signature });
      await this.writeHours(manager, providerId, actor, lesson.lessonDate, students.map((s) => s.placementId));
      await logProcessing(manager, actor, 'UPDATE', 'client', students.map((s) => s.clientId), PURPOSE.PROVIDER_EXECUTION);
      return this.read(manager, actor, lesson.id);
    });
  }

  /** A correction on a closed list: a new line with who, when and why; the original stays; the day's hours follow. */
  async correct(actor: Actor, input: CorrectPresenceInput): Promise<PresenceLessonType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'lesson', input.lessonId);
    return this.db.transaction(async (manager) => {
      const lesson = await this.lock(manager, providerId, input.lessonId);
      if (await this.replayed(manager, input.lessonId, input.clientMarkId)) return this.read(manager, actor, lesson.id);
      throwIfViolations(checkPresenceCorrection(statusOf(lesson), input.reason));
      const student = await this.studentOf(manager, lesson, input.placementId);
      if (input.kind === 'ABSENT' && !input.absenceReason) {
        throw new ValidationAppError([{ field: 'absenceReason', code: 'ABSENCE_REASON_REQUIRED', message: 'Kies de reden van afwezigheid: ziek, geoorloofd of ongeoorloofd.' }]);
      }
      if (input.kind !== 'ABSENT' && !input.time) {
        throw new ValidationAppError([{ field: 'time', code: 'TIME_REQUIRED', message: 'Vul de tijd van aankomst of vertrek in (uu:mm).' }]);
      }
      const previous = (await marksOf(manager, [lesson.id])).filter((m) => m.placementId === input.placementId).at(-1);
      const atMinutes = input.time ? minutesOfTime(input.time) : null;
      await this.insertMark(manager, {
        lessonId: lesson.id, placementId: input.placementId, clientMarkId: input.clientMarkId, kind: input.kind, atMinutes, credentialKind: null, credentialId: null,
        absenceReason: (input.absenceReason ?? null) as AbsenceReason | null, late: input.kind === 'ARRIVAL' && atMinutes !== null && isLateArrival(lesson, atMinutes),
        recordedByUserId: actor.userId, correctsMarkId: previous?.id ?? null, correctionReason: input.reason.trim(),
      });
      await this.writeHours(manager, providerId, actor, lesson.lessonDate, [input.placementId]);
      await logProcessing(manager, actor, 'UPDATE', 'client', [student.clientId], PURPOSE.PROVIDER_EXECUTION);
      return this.read(manager, actor, lesson.id);
    });
  }

  private async writeHours(manager: EntityManager, providerId: ProviderId, actor: Actor, date: string, placementIds: string[]): Promise<void> {
    const totals = await closedDayTotals(manager, providerId, placementIds, date);
    await writePresenceHours(manager, providerId, actor, totals, this.clock.today());
  }

  private async read(manager: EntityManager, actor: Actor, lessonId: string): Promise<PresenceLessonType> {
    const providerId = providerScopeOf(actor);
    const [lesson] = await lessonsById(manager, providerId, [lessonId]);
    if (!lesson) throw this.access.notFound('lesson');
    const students = await studentsOf(manager, [lesson]);
    const marks = await marksOf(manager, [lesson.id]);
    await logProcessing(manager, actor, 'READ', 'client', students.map((s) => s.clientId), PURPOSE.PROVIDER_EXECUTION);
    return toLesson(lesson, students, marks, localMomentInAmsterdam(this.clock.now()));
  }

  private async lock(manager: EntityManager, providerId: ProviderId, lessonId: string): Promise<PresenceLessonEntity> {
    const locked = await manager.getRepository(PresenceLessonEntity).createQueryBuilder('l')
      .where('l.id = :lessonId AND l.providerId = :providerId', { lessonId, providerId }).setLock('pessimistic_write').getOne();
    if (!locked) throw this.access.notFound('lesson');
    return locked;
  }

  private requireHeld(lesson: PresenceLessonEntity): void {
    if (lesson.cancellation) throw new ValidationAppError([{ field: 'lessonId', code: 'LESSON_CANCELLED', message: 'Deze les gaat niet door; er is geen presentielijst.' }]);
  }

  private async replayed(manager: EntityManager, lessonId: string, clientMarkId: string): Promise<boolean> {
    return manager.getRepository(PresenceMarkEntity).existsBy({ lessonId, clientMarkId });
  }

  private async studentOf(manager: EntityManager, lesson: PresenceLessonEntity, placementId: string) {
    const student = (await studentsOf(manager, [lesson])).find((s) => s.placementId === placementId);
    if (!student) throw new ValidationAppError([{ field: 'placementId', code: 'NOT_IN_LESSON', message: 'Deze inburgeraar staat niet op de lijst van deze les.' }]);
    return student;
  }

  private timeFor(kind: PresenceMarkKind, time: string | null | undefined): number | null {
    if (kind === 'ABSENT') return null;
    return time ? minutesOfTime(time) : localMomentInAmsterdam(this.clock.now()).minutes;
  }

  private async insertMark(manager: EntityManager, mark: NewMark): Promise<void> {
    await manager.createQueryBuilder().insert().into(PresenceMarkEntity)
      .values({ correctsMarkId: null, correctionReason: null, ...mark, recordedAt: this.clock.now() })
      .orIgnore()
      .execute();
  }
}
