import { ACTIVE_PLACEMENT_STATUSES, type CalendarDate, type ClientEndFacts, type RetentionPolicy, type TargetGroup } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { RetentionPolicyEntity, RetentionRunEntity } from '../database';
import type { MunicipalityId } from '../tenancy';

/** The text a removed correction reason on a presence line becomes (the migration's guard allows exactly this change). */
export const PRESENCE_REASON_REMOVED = 'Verwijderd (bewaartermijn)';

/** A client that may be due for removal, with what the domain needs to decide it. */
export interface RetentionCandidate extends ClientEndFacts {
  clientId: string;
  municipalityId: MunicipalityId;
  clientNumber: number;
  freeTextRemovedOn: CalendarDate | null;
  duoExchangeRemovedOn: CalendarDate | null;
}

interface CandidateRow {
  client_id: string;
  municipality_id: string;
  client_number: number;
  target_group: string;
  brp_registration_date: string;
  first_pip_signed_on: string | null;
  duo_term_end: string | null;
  has_open_placement: boolean;
  last_placement_ended_on: string | null;
  free_text_removed_on: string | null;
  duo_exchange_removed_on: string | null;
}

export interface RunCounts {
  mode: 'PREVIEW' | 'APPLIED';
  freeTextClients: number;
  duoExchangeClients: number;
  identityClients: number;
  clientNumbers: number[];
}

/** The SQL of retention: who may be due, and the set-based removal of each kind of personal data. */
export class RetentionRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Clients not yet anonymised whose BRP registration lies more than three years before `today` (a term runs three years
   * from at least that date, so a younger file cannot be due), of the given municipalities or of all.
   */
  async candidates(today: CalendarDate, municipalityIds: readonly MunicipalityId[] | null): Promise<RetentionCandidate[]> {
    const rows = await this.manager.query<CandidateRow[]>(
      `SELECT c.id AS client_id, c.municipality_id, c.client_number, c.target_group,
              to_char(c.brp_registration_date, 'YYYY-MM-DD') AS brp_registration_date,
              to_char(coalesce(c.first_pip_signed_on, c.pip_signed_on), 'YYYY-MM-DD') AS first_pip_signed_on,
              to_char(d.term_end, 'YYYY-MM-DD') AS duo_term_end,
              EXISTS (SELECT 1 FROM placement p WHERE p.client_id = c.id AND p.status = ANY($2::text[])) AS has_open_placement,
              (SELECT to_char(max(p.ended_on), 'YYYY-MM-DD') FROM placement p WHERE p.client_id = c.id) AS last_placement_ended_on,
              to_char(c.free_text_removed_on, 'YYYY-MM-DD') AS free_text_removed_on,
              to_char(c.duo_exchange_removed_on, 'YYYY-MM-DD') AS duo_exchange_removed_on
       FROM client c LEFT JOIN duo_client_state d ON d.client_id = c.id
       WHERE c.anonymised_on IS NULL AND c.brp_registration_date < $1::date - interval '3 years'
         AND ($3::uuid[] IS NULL OR c.municipality_id = ANY($3::uuid[]))
       ORDER BY c.municipality_id, c.client_number`,
      [today, [...ACTIVE_PLACEMENT_STATUSES], municipalityIds ? [...municipalityIds] : null],
    );
    return rows.map((r) => ({
      clientId: r.client_id,
      municipalityId: r.municipality_id as MunicipalityId,
      clientNumber: r.client_number,
      targetGroup: r.target_group as TargetGroup,
      brpRegistrationDate: r.brp_registration_date,
      firstPipSignedOn: r.first_pip_signed_on,
      duoTermEnd: r.duo_term_end,
      hasOpenPlacement: r.has_open_placement,
      lastPlacementEndedOn: r.last_placement_ended_on,
      freeTextRemovedOn: r.free_text_removed_on,
      duoExchangeRemovedOn: r.duo_exchange_removed_on,
    }));
  }

  async policies(municipalityIds: readonly MunicipalityId[] | null): Promise<RetentionPolicyEntity[]> {
    const query = this.manager.getRepository(RetentionPolicyEntity).createQueryBuilder('p');
    if (municipalityIds) query.where('p.municipalityId IN (:...ids)', { ids: municipalityIds.length > 0 ? [...municipalityIds] : [null] });
    return query.getMany();
  }

  async savePolicy(municipalityId: MunicipalityId, policy: RetentionPolicy, carryOut: boolean, userId: string): Promise<void> {
    // carried_out_since keeps its first moment while the municipality keeps the job carrying out.
    await this.manager.query(
      `INSERT INTO retention_policy (municipality_id, free_text_years, duo_exchange_years, identity_years, carried_out_since, updated_by_user_id)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END, $6)
       ON CONFLICT (municipality_id) DO UPDATE SET free_text_years = EXCLUDED.free_text_years, duo_exchange_years = EXCLUDED.duo_exchange_years,
         identity_years = EXCLUDED.identity_years, updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now(),
         carried_out_since = CASE WHEN $5 THEN coalesce(retention_policy.carried_out_since, now()) END`,
      [municipalityId, policy.FREE_TEXT, policy.DUO_EXCHANGE, policy.IDENTITY, carryOut, userId],
    );
  }

  /** One page of the municipality's nightly runs, newest first, and how many there are. */
  async runs(municipalityId: MunicipalityId, limit: number, offset: number): Promise<[RetentionRunEntity[], number]> {
    return this.manager.getRepository(RetentionRunEntity).findAndCount({ where: { municipalityId }, order: { runDate: 'DESC' }, skip: offset, take: limit });
  }

  /** One run per municipality and night: a redelivered job records nothing twice. */
  async recordRun(municipalityId: MunicipalityId, runDate: CalendarDate, counts: RunCounts): Promise<void> {
    await this.manager.createQueryBuilder().insert().into(RetentionRunEntity)
      .values({ municipalityId, runDate, ...counts })
      .orIgnore()
      .execute();
  }

  /** Free texts that may hold health or family details: intake notes and the reasons typed with changes and absences. */
  async removeFreeText(clientIds: string[], on: CalendarDate): Promise<void> {
    if (clientIds.length === 0) return;
    await this.manager.query(`UPDATE client SET intake_notes = NULL, pip_lesson_pattern = NULL, free_text_removed_on = $2 WHERE id = ANY($1::uuid[])`, [clientIds, on]);
    await this.manager.query(`UPDATE client_history SET reason = NULL WHERE client_id = ANY($1::uuid[]) AND reason IS NOT NULL`, [clientIds]);
    await this.manager.query(`UPDATE placement SET rejection_reason = NULL WHERE client_id = ANY($1::uuid[]) AND rejection_reason IS NOT NULL`, [clientIds]);
    await this.manager.query(
      `UPDATE placement_event e SET note = NULL FROM placement p WHERE p.id = e.placement_id AND p.client_id = ANY($1::uuid[]) AND e.note IS NOT NULL`,
      [clientIds],
    );
    // The absence codes (sick, excused, unexcused) stay: the hour figures and invoices are built on them.
    await this.manager.query(`UPDATE hour_entry SET correction_reason = NULL WHERE client_id = ANY($1::uuid[]) AND correction_reason IS NOT NULL`, [clientIds]);
    // Presence lines are append-only and a correction must have a reason: the reason is replaced, which the guard allows.
    await this.manager.query(
      `UPDATE presence_mark m SET correction_reason = $2 FROM placement p
       WHERE p.id = m.placement_id AND p.client_id = ANY($1::uuid[]) AND m.correction_reason IS NOT NULL AND m.correction_reason <> $2`,
      [clientIds, PRESENCE_REASON_REMOVED],
    );
  }

  /** What went to and came from DUO about the client: the messages' bodies (with the BSN) and DUO's answers. */
  async removeDuoExchange(clientIds: string[], on: CalendarDate): Promise<void> {
    if (clientIds.length === 0) return;
    await this.manager.query(`UPDATE duo_message SET body = NULL, errors = NULL, last_error = NULL WHERE client_id = ANY($1::uuid[])`, [clientIds]);
    await this.manager.query(`DELETE FROM duo_client_state WHERE client_id = ANY($1::uuid[])`, [clientIds]);
    await this.manager.query(`UPDATE client SET duo_exchange_removed_on = $2 WHERE id = ANY($1::uuid[])`, [clientIds, on]);
  }

  /**
   * Who the client was: name, BSN and exact date of birth. The row stays (placements, hours, results, invoices and
   * figures keep counting it); the birth date keeps its year, so age bands in the figures stay right.
   */
  async anonymise(clientIds: string[], on: CalendarDate): Promise<void> {
    if (clientIds.length === 0) return;
    await this.manager.query(
      `UPDATE client SET first_name = 'Geanonimiseerd', last_name = '', bsn_encrypted = NULL, bsn_hash = 'geanonimiseerd:' || id::text,
              date_of_birth = make_date(extract(year FROM date_of_birth)::int, 1, 1), anonymised_on = $2
       WHERE id = ANY($1::uuid[])`,
      [clientIds, on],
    );
  }
}
