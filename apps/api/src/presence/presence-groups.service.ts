import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkWeeklySchedule, expandLessonSchedule, HOUR_REGISTRATION_PLACEMENT_STATUSES, isHourDateInRange, PRESENCE_CODE_ALPHABET, PRESENCE_CODE_LENGTH, type ScheduleException,
} from '@inburgering/domain';
import { DataSource, In, IsNull } from 'typeorm';
import { AccessService, scopeToVisibleGroups } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { throwIfViolations, ValidationAppError } from '../common';
import { AppUserEntity, PlacementEntity, PresenceCredentialEntity, PresenceGroupEntity, PresenceGroupMemberEntity, PresenceLessonEntity } from '../database';
import { type Actor, providerScopeOf } from '../tenancy';
import { hashPresenceCode } from './presence.service';
import { CreatePresenceGroupInput, PresenceCardInput, PresenceCardType, PresenceGroupMemberType, PresenceGroupType, PresenceTeacherType } from './presence.types';

/** A personal code from a cryptographic random source (never derived from the client or a BSN). */
export function newPresenceCode(): string {
  return Array.from({ length: PRESENCE_CODE_LENGTH }, () => PRESENCE_CODE_ALPHABET[randomInt(PRESENCE_CODE_ALPHABET.length)]).join('');
}

/** The provider's side of the presence lists: groups with schedule and teacher, and the students' sign-in cards. */
@Injectable()
export class PresenceGroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async teachers(actor: Actor): Promise<PresenceTeacherType[]> {
    const providerId = providerScopeOf(actor);
    const users = await this.db.getRepository(AppUserEntity).find({ where: { organisationId: providerId, role: 'TEACHER' }, order: { displayName: 'ASC' } });
    return users.map((u) => Object.assign(new PresenceTeacherType(), { id: u.id, displayName: u.displayName, email: u.email }));
  }

  /** The provider's groups (staff), or the groups a teacher teaches. */
  async groups(actor: Actor, groupId?: string): Promise<PresenceGroupType[]> {
    const providerId = providerScopeOf(actor);
    if (groupId) await this.access.requireOne(actor, 'group', groupId);
    const query = scopeToVisibleGroups(this.db.getRepository(PresenceGroupEntity).createQueryBuilder('g'), 'g', providerId, actor)
      .innerJoin('g.teacher', 't').addSelect(['t.id', 't.displayName'])
      .orderBy('g.name').addOrderBy('g.id');
    if (groupId) query.andWhere('g.id = :groupId', { groupId });
    const groups = await query.getMany();
    if (groups.length === 0) return [];
    const members = await this.db.getRepository(PresenceGroupMemberEntity).createQueryBuilder('gm')
      .innerJoin('gm.placement', 'p').innerJoin('p.client', 'c')
      .leftJoin(PresenceCredentialEntity, 'pc', 'pc.placement_id = p.id AND pc.revoked_at IS NULL')
      .select(['gm.group_id AS "groupId"', 'p.id AS "placementId"', 'c.id AS "clientId"', 'c.client_number AS "clientNumber"', 'c.first_name AS "firstName"',
        'c.last_name AS "lastName"', 'pc.code_hint AS "cardHint"'])
      .where('gm.group_id IN (:...ids)', { ids: groups.map((g) => g.id) })
      .orderBy('c.last_name').addOrderBy('c.first_name')
      .getRawMany<{ groupId: string; placementId: string; clientId: string; clientNumber: number; firstName: string; lastName: string; cardHint: string | null }>();
    const counts = await this.db.getRepository(PresenceLessonEntity).createQueryBuilder('l')
      .select('l.group_id', 'groupId').addSelect('count(*)::int', 'count')
      .where('l.group_id IN (:...ids)', { ids: groups.map((g) => g.id) }).andWhere('l.cancellation IS NULL').groupBy('l.group_id')
      .getRawMany<{ groupId: string; count: number }>();
    await logProcessing(this.db.manager, actor, 'READ', 'client', [...new Set(members.map((m) => m.clientId))], PURPOSE.PROVIDER_EXECUTION);
    return groups.map((g) => Object.assign(new PresenceGroupType(), {
      id: g.id, name: g.name, location: g.location, daypart: g.daypart, category: g.category, teacherUserId: g.teacherUserId, teacherName: g.teacher!.displayName,
      weekdays: g.weekdays, startTime: g.startTime, endTime: g.endTime, scheduleFrom: g.scheduleFrom, scheduleUntil: g.scheduleUntil,
      lessonCount: counts.find((c) => c.groupId === g.id)?.count ?? 0,
      members: members.filter((m) => m.groupId === g.id).map((m) => Object.assign(new PresenceGroupMemberType(), {
        placementId: m.placementId, clientNumber: Number(m.clientNumber), firstName: m.firstName, lastName: m.lastName,
        // The provider's staff see which card is active; a teacher sees names and client numbers only.
        cardHint: actor.role === 'TEACHER' ? null : m.cardHint,
      })),
    }));
  }

  /** A group with its students, teacher and weekly schedule; its lessons are expanded from the schedule with the exceptions. */
  async create(actor: Actor, input: CreatePresenceGroupInput): Promise<PresenceGroupType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'teacher', input.teacherUserId);
    await this.access.require(actor, 'placement', input.placementIds);
    const schedule = { weekdays: input.weekdays, startTime: input.startTime, endTime: input.endTime, from: input.from, until: input.until };
    const dates = [['from', input.from], ['until', input.until], ...(input.exceptions ?? []).map((e, i) => [`exceptions.${i}.date`, e.date])];
    throwIfViolations(dates.filter(([, d]) => !isHourDateInRange(d)).map(([field]) => ({ field, code: 'DATE_OUT_OF_RANGE', message: 'Kies een datum tussen 2000 en 2100.' })));
    throwIfViolations(checkWeeklySchedule(schedule));
    const placements = input.placementIds.length === 0 ? [] : await this.db.getRepository(PlacementEntity).find({
      select: { id: true }, where: { id: In([...new Set(input.placementIds)]), providerId, status: In([...HOUR_REGISTRATION_PLACEMENT_STATUSES]) },
    });
    if (placements.length !== new Set(input.placementIds).size) throw this.access.notFound('placement');
    const lessons = expandLessonSchedule(schedule, (input.exceptions ?? []) as ScheduleException[]);
    if (lessons.length === 0) throw new ValidationAppError([{ field: 'weekdays', code: 'NO_LESSONS', message: 'Dit rooster heeft geen enkele les.' }]);
    const id = await this.db.transaction(async (manager) => {
      const group = await manager.getRepository(PresenceGroupEntity).save(manager.getRepository(PresenceGroupEntity).create({
        providerId, name: input.name.trim(), location: input.location.trim(), daypart: input.daypart, startMomentId: null, category: input.category ?? 'LANGUAGE',
        teacherUserId: input.teacherUserId, weekdays: [...new Set(input.weekdays)].sort(), startTime: input.startTime, endTime: input.endTime,
        scheduleFrom: input.from, scheduleUntil: input.until,
      }));
      if (placements.length > 0) await manager.getRepository(PresenceGroupMemberEntity).insert(placements.map((p) => ({ groupId: group.id, placementId: p.id })));
      await manager.createQueryBuilder().insert().into(PresenceLessonEntity).values(lessons.map((l) => ({
        groupId: group.id, providerId, lessonDate: l.date, startTime: l.startTime, endTime: l.endTime, kind: l.kind, teacherUserId: input.teacherUserId,
        cancellation: null, closedAt: null, closedByUserId: null, closingSignature: null,
      }))).orIgnore().execute();
      return group.id;
    });
    return (await this.groups(actor, id))[0];
  }

  /** Issues a new card (revoking the active one): the code is shown once and stored only as a hash. */
  async issueCard(actor: Actor, input: PresenceCardInput): Promise<PresenceCardType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'placement', input.placementId);
    const placement = await this.db.getRepository(PlacementEntity).findOneBy({ id: input.placementId, providerId, status: In([...HOUR_REGISTRATION_PLACEMENT_STATUSES]) });
    if (!placement) throw this.access.notFound('placement');
    const code = newPresenceCode();
    await this.db.transaction(async (manager) => {
      await manager.getRepository(PresenceCredentialEntity).update({ placementId: input.placementId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedByUserId: actor.userId });
      await manager.getRepository(PresenceCredentialEntity).insert({
        providerId, placementId: input.placementId, codeHash: hashPresenceCode(code), codeHint: code.slice(-2), issuedByUserId: actor.userId, issuedAt: this.clock.now(),
      });
      await logProcessing(manager, actor, 'UPDATE', 'client', [placement.clientId], PURPOSE.PROVIDER_EXECUTION);
    });
    const QRCode = await import('qrcode');
    const qrSvg = await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return Object.assign(new PresenceCardType(), { placementId: input.placementId, code, qrSvg });
  }

  /** Revokes the active card; the student can no longer sign in with it. */
  async revokeCard(actor: Actor, input: PresenceCardInput): Promise<boolean> {
    providerScopeOf(actor);
    await this.access.requireOne(actor, 'placement', input.placementId);
    const result = await this.db.getRepository(PresenceCredentialEntity).update({ placementId: input.placementId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedByUserId: actor.userId });
    return (result.affected ?? 0) > 0;
  }
}
