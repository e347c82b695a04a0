import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  calendarDateInAmsterdam,
  checkBsn,
  checkIntakeDate,
  checkLearnability,
  checkPipDates,
  checkPipLessonHours,
  checkPipLevel,
  compareDates,
  hasDeadline,
  mostUrgentDeadline,
  normalizeBsn,
  type DeadlineKind,
  type DeadlineStatus,
  type LearnabilityOutcome,
  type Level,
  type Route,
  type RuleViolation,
} from '@inburgering/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit/processing-log';
import { NotFoundAppError, throwIfViolations, ValidationAppError } from '../common/app-errors';
import { enqueueInOutbox } from '../outbox/outbox';
import type { Actor } from '../tenancy/actor';
import { municipalityScopeOf, type MunicipalityId } from '../tenancy/tenant-scope';
import { BSN_CRYPTO, BsnCrypto } from './bsn-crypto';
import { CLIENT_COLUMNS, deadlinesOf, toClientType, type ClientRow } from './client-row';
import { CaseloadSortGql, type ClientFilterInput, type SetPipInput, type UpdateClientInput } from './client-inputs';
import type { ClientPageType, ClientType, RegisterClientInput } from './client.types';

type ClientRowWithBsn = ClientRow & { bsn_encrypted: string };

const MAX_PAGE = 200;

/** Reads one client of the municipality inside a transaction and locks it against concurrent changes. */
export async function lockClient(manager: Pick<EntityManager, 'query'>, municipalityId: MunicipalityId, clientId: string): Promise<ClientRowWithBsn> {
  const [row] = await manager.query(`SELECT ${CLIENT_COLUMNS}, c.bsn_encrypted FROM client c WHERE c.id = $1 AND c.municipality_id = $2 FOR UPDATE OF c`, [clientId, municipalityId]);
  if (!row) throw new NotFoundAppError('Deze inburgeraar bestaat niet of hoort niet bij uw gemeente.');
  return row;
}

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BSN_CRYPTO) private readonly crypto: BsnCrypto,
  ) {}

  private toType(row: ClientRowWithBsn): ClientType {
    return toClientType(row, this.crypto.decrypt(row.bsn_encrypted), calendarDateInAmsterdam(new Date()));
  }

  /**
   * The caseload of the actor's municipality, searched and filtered by route, placement and deadline status. Deadline
   * statuses are derived by the domain rules, so filtering and sorting happen here; only the returned page is decrypted
   * and recorded in the processing log.
   */
  async list(actor: Actor, search: string | null, limit: number, offset: number, filter: ClientFilterInput | null = null): Promise<ClientPageType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = calendarDateInAmsterdam(new Date());
    const pattern = search?.trim() ? `%${search.trim().replace(/[%_\\]/g, '\\$&')}%` : null;
    const rows: ClientRow[] = await this.db.query(
      `SELECT * FROM (SELECT ${CLIENT_COLUMNS} FROM client c
          WHERE c.municipality_id = $1 AND ($2::text IS NULL OR (c.first_name || ' ' || c.last_name) ILIKE $2 OR c.client_number::text = trim($3))
            AND ($4::text IS NULL OR c.route = $4)) v
        WHERE ($5::text IS NULL OR coalesce(v.placement_status, 'NONE') = $5)
        ORDER BY v.last_name, v.first_name, v.client_number`,
      [municipalityId, pattern, search ?? '', filter?.route ?? null, filter?.placementStatus ?? null],
    );
    const status = (filter?.deadlineStatus ?? null) as DeadlineStatus | null;
    const kind = (filter?.deadlineKind ?? null) as DeadlineKind | null;
    let matching = rows.map((row) => ({ row, deadlines: deadlinesOf(row, today) }));
    if (status || kind) matching = matching.filter((m) => hasDeadline(m.deadlines, kind, status));
    if (filter?.sort === CaseloadSortGql.URGENCY) {
      const urgency: Record<DeadlineStatus, number> = { OVERDUE: 0, DUE_SOON: 1, ON_TIME: 2, MET_LATE: 3, MET: 4 };
      const key = (m: (typeof matching)[number]) => mostUrgentDeadline(m.deadlines);
      matching.sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        if (!x || !y) return x ? -1 : y ? 1 : 0;
        return urgency[x.status] - urgency[y.status] || compareDates(x.deadline, y.deadline);
      });
    }
    const start = Math.max(offset, 0);
    const pageIds = matching.slice(start, start + Math.min(Math.max(limit, 1), MAX_PAGE)).map((m) => m.row.id);
    const page: ClientRowWithBsn[] = pageIds.length
      ? await this.db.query(`SELECT ${CLIENT_COLUMNS}, c.bsn_encrypted FROM client c WHERE c.id = ANY($1::uuid[]) AND c.municipality_id = $2`, [pageIds, municipalityId])
      : [];
    const byId = new Map(page.map((row) => [row.id, row]));
    await logProcessing(this.db.manager, actor, 'READ', 'client', pageIds, PURPOSE.CASELOAD);
    return { items: pageIds.map((id) => this.toType(byId.get(id)!)), total: matching.length };
  }

  async get(actor: Actor, clientId: string): Promise<ClientType> {
    const row = await this.findInMunicipality(municipalityScopeOf(actor), clientId);
    await logProcessing(this.db.manager, actor, 'READ', 'client', [row.id], PURPOSE.CASELOAD);
    return this.toType(row);
  }

  /** Shows the full BSN once; the reveal is logged with who and when. */
  async revealBsn(actor: Actor, clientId: string): Promise<string> {
    const row = await this.findInMunicipality(municipalityScopeOf(actor), clientId);
    await logProcessing(this.db.manager, actor, 'REVEAL_BSN', 'client', [row.id], PURPOSE.BSN_REVEAL);
    return this.crypto.decrypt(row.bsn_encrypted);
  }

  async register(actor: Actor, input: RegisterClientInput): Promise<ClientType> {
    const municipalityId = municipalityScopeOf(actor);
    const bsn = normalizeBsn(input.bsn);
    const today = calendarDateInAmsterdam(new Date());
    throwIfViolations(this.registrationViolations(input, today));
    const bsnHash = this.crypto.hash(municipalityId, bsn);
    const id = await this.db.transaction(async (manager) => {
      // One registration per municipality at a time, so client numbers stay gap-free and unique.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [municipalityId]);
      const [duplicate] = await manager.query(`SELECT 1 FROM client WHERE municipality_id = $1 AND bsn_hash = $2`, [municipalityId, bsnHash]);
      if (duplicate) throw new ValidationAppError([{ field: 'bsn', code: 'BSN_ALREADY_REGISTERED', message: 'Dit BSN is al geregistreerd bij uw gemeente.' }]);
      const [{ id: clientId }] = await manager.query(
        `INSERT INTO client (municipality_id, client_number, bsn_encrypted, bsn_hash, first_name, last_name, date_of_birth, target_group,
                             brp_registration_date, pip_signed_on, route, level, learnability_outcome, learnability_score, intake_completed_on,
                             intake_notes, pip_minutes_per_week, pip_lesson_pattern, pip_count)
         VALUES ($1, (SELECT coalesce(max(client_number), 1000) + 1 FROM client WHERE municipality_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
                 $12, $13, $14, $15, $16, $17, $18)
         RETURNING id`,
        [municipalityId, this.crypto.encrypt(bsn), bsnHash, input.firstName.trim(), input.lastName.trim(), input.dateOfBirth, input.targetGroup,
          input.brpRegistrationDate, input.pipSignedOn ?? null, input.route ?? null, input.level ?? null, input.learnabilityOutcome ?? 'UNKNOWN',
          input.learnabilityScore ?? null, input.intakeCompletedOn ?? null, input.intakeNotes?.trim() || null, input.pipMinutesPerWeek ?? null,
          input.pipLessonPattern?.trim() || null, input.pipSignedOn ? 1 : 0],
      );
      await logProcessing(manager, actor, 'CREATE', 'client', [clientId], PURPOSE.REGISTRATION);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId, municipalityId });
      return clientId as string;
    });
    return this.toType(await this.findInMunicipality(municipalityId, id));
  }

  /** Changes the personal and intake data; the PIP has its own mutation. */
  async update(actor: Actor, input: UpdateClientInput): Promise<ClientType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = calendarDateInAmsterdam(new Date());
    await this.db.transaction(async (manager) => {
      const row = await lockClient(manager, municipalityId, input.clientId);
      const violations: RuleViolation[] = [
        ...this.personViolations(input.dateOfBirth, today),
        ...checkLearnability(input.learnabilityOutcome as LearnabilityOutcome, input.learnabilityScore),
        ...checkIntakeDate({ intakeCompletedOn: input.intakeCompletedOn, pipSignedOn: row.pip_signed_on, today }),
      ];
      if (row.pip_signed_on) violations.push(...checkPipDates({ brpRegistrationDate: input.brpRegistrationDate, pipSignedOn: row.pip_signed_on, today }));
      throwIfViolations(violations);
      await manager.query(
        `UPDATE client SET first_name = $2, last_name = $3, date_of_birth = $4, target_group = $5, brp_registration_date = $6, learnability_outcome = $7,
                learnability_score = $8, intake_completed_on = $9, intake_notes = $10, updated_at = now() WHERE id = $1`,
        [row.id, input.firstName.trim(), input.lastName.trim(), input.dateOfBirth, input.targetGroup, input.brpRegistrationDate, input.learnabilityOutcome,
          input.learnabilityScore ?? null, input.intakeCompletedOn ?? null, input.intakeNotes?.trim() || null],
      );
      await logProcessing(manager, actor, 'UPDATE', 'client', [row.id], PURPOSE.CASELOAD);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId: row.id, municipalityId });
    });
    return this.toType(await this.findInMunicipality(municipalityId, input.clientId));
  }

  /**
   * Records a (new or changed) PIP. DUO's level rules apply, with "first PIP" meaning none was set before; another route
   * on a later PIP is a route switch and goes through switchRoute (18-month rule, written reason).
   */
  async setPip(actor: Actor, input: SetPipInput): Promise<ClientType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = calendarDateInAmsterdam(new Date());
    await this.db.transaction(async (manager) => {
      const row = await lockClient(manager, municipalityId, input.clientId);
      const isFirstPip = row.pip_count === 0 && !row.pip_signed_on;
      const violations: RuleViolation[] = [
        ...checkPipDates({ brpRegistrationDate: row.brp_registration_date, pipSignedOn: input.pipSignedOn, previousPipSignedOn: row.pip_signed_on, today }),
        ...checkPipLevel({ route: input.route as Route, level: input.level as Level, isFirstPip }),
        ...checkPipLessonHours(input.pipMinutesPerWeek),
        ...checkIntakeDate({ intakeCompletedOn: row.intake_completed_on, pipSignedOn: input.pipSignedOn, today }),
      ];
      if (!isFirstPip && row.route && row.route !== input.route) {
        violations.push({ field: 'route', code: 'PIP_ROUTE_CHANGE_IS_ROUTE_SWITCH', message: 'Een andere leerroute in een gewijzigd PIP is een routewissel; gebruik "Route wisselen" en geef de reden op.' });
      }
      throwIfViolations(violations);
      await manager.query(
        `UPDATE client SET pip_signed_on = $2, route = $3, level = $4, pip_minutes_per_week = $5, pip_lesson_pattern = $6, pip_count = pip_count + 1,
                updated_at = now() WHERE id = $1`,
        [row.id, input.pipSignedOn, input.route, input.level, input.pipMinutesPerWeek ?? null, input.pipLessonPattern?.trim() || null],
      );
      await logProcessing(manager, actor, 'UPDATE', 'client', [row.id], PURPOSE.CASELOAD);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId: row.id, municipalityId });
    });
    return this.toType(await this.findInMunicipality(municipalityId, input.clientId));
  }

  private personViolations(dateOfBirth: string, today: string): RuleViolation[] {
    return compareDates(dateOfBirth, today) > 0 ? [{ field: 'dateOfBirth', code: 'DATE_OF_BIRTH_IN_FUTURE', message: 'De geboortedatum ligt in de toekomst.' }] : [];
  }

  private registrationViolations(input: RegisterClientInput, today: string): RuleViolation[] {
    const violations = [...checkBsn(input.bsn), ...this.personViolations(input.dateOfBirth, today)];
    if (input.pipSignedOn) {
      violations.push(...checkPipDates({ brpRegistrationDate: input.brpRegistrationDate, pipSignedOn: input.pipSignedOn, today }));
    }
    if (input.route && input.level) violations.push(...checkPipLevel({ route: input.route as Route, level: input.level as Level, isFirstPip: true }));
    if ((input.route || input.level) && !input.pipSignedOn) {
      violations.push({ field: 'pipSignedOn', code: 'PIP_DATE_REQUIRED', message: 'Vul de PIP-datum in als u een route of niveau kiest.' });
    }
    if (input.pipSignedOn && (!input.route || !input.level)) {
      violations.push({ field: input.route ? 'level' : 'route', code: 'PIP_ROUTE_AND_LEVEL_REQUIRED', message: 'Kies bij een PIP ook de leerroute en het taalniveau.' });
    }
    violations.push(
      ...checkLearnability((input.learnabilityOutcome ?? 'UNKNOWN') as LearnabilityOutcome, input.learnabilityScore),
      ...checkIntakeDate({ intakeCompletedOn: input.intakeCompletedOn, pipSignedOn: input.pipSignedOn, today }),
      ...checkPipLessonHours(input.pipMinutesPerWeek),
    );
    return violations;
  }

  private async findInMunicipality(municipalityId: MunicipalityId, clientId: string): Promise<ClientRowWithBsn> {
    const [row] = await this.db.query(`SELECT ${CLIENT_COLUMNS}, c.bsn_encrypted FROM client c WHERE c.id = $1 AND c.municipality_id = $2`, [clientId, municipalityId]);
    if (!row) throw new NotFoundAppError('Deze inburgeraar bestaat niet of hoort niet bij uw gemeente.');
    return row;
  }
}
