import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  calendarDateInAmsterdam,
  checkBsn,
  checkPipDates,
  checkPipLevel,
  normalizeBsn,
  type Level,
  type Route,
  type RuleViolation,
} from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit/processing-log';
import { NotFoundAppError, throwIfViolations, ValidationAppError } from '../common/app-errors';
import { enqueueInOutbox } from '../outbox/outbox';
import type { Actor } from '../tenancy/actor';
import { municipalityScopeOf, type MunicipalityId } from '../tenancy/tenant-scope';
import { BSN_CRYPTO, BsnCrypto } from './bsn-crypto';
import type { ClientRow } from './client-row';
import { toClientType } from './client-row';
import type { ClientPageType, ClientType, RegisterClientInput } from './client.types';

const CLIENT_COLUMNS = `c.id, c.municipality_id, c.client_number, c.first_name, c.last_name, c.date_of_birth, c.target_group,
  c.brp_registration_date, c.pip_signed_on, c.route, c.level, c.bsn_encrypted`;

type ClientRowWithBsn = ClientRow & { bsn_encrypted: string };

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BSN_CRYPTO) private readonly crypto: BsnCrypto,
  ) {}

  private toType(row: ClientRowWithBsn): ClientType {
    return toClientType(row, this.crypto.decrypt(row.bsn_encrypted), calendarDateInAmsterdam(new Date()));
  }

  /** The caseload of the actor's municipality; every returned client is recorded in the processing log. */
  async list(actor: Actor, search: string | null, limit: number, offset: number): Promise<ClientPageType> {
    const municipalityId = municipalityScopeOf(actor);
    const pattern = search?.trim() ? `%${search.trim().replace(/[%_\\]/g, '\\$&')}%` : null;
    const where = `c.municipality_id = $1 AND ($2::text IS NULL OR (c.first_name || ' ' || c.last_name) ILIKE $2 OR c.client_number::text = trim($3))`;
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(`SELECT ${CLIENT_COLUMNS} FROM client c WHERE ${where} ORDER BY c.last_name, c.first_name, c.client_number LIMIT $4 OFFSET $5`, [
        municipalityId, pattern, search ?? '', Math.min(Math.max(limit, 1), 200), Math.max(offset, 0),
      ]),
      this.db.query(`SELECT count(*)::int AS total FROM client c WHERE ${where}`, [municipalityId, pattern, search ?? '']),
    ]);
    await logProcessing(this.db.manager, actor, 'READ', 'client', rows.map((row: ClientRow) => row.id), PURPOSE.CASELOAD);
    return { items: rows.map((row: ClientRowWithBsn) => this.toType(row)), total };
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
                             brp_registration_date, pip_signed_on, route, level)
         VALUES ($1, (SELECT coalesce(max(client_number), 1000) + 1 FROM client WHERE municipality_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING id`,
        [municipalityId, this.crypto.encrypt(bsn), bsnHash, input.firstName.trim(), input.lastName.trim(), input.dateOfBirth, input.targetGroup,
          input.brpRegistrationDate, input.pipSignedOn ?? null, input.route ?? null, input.level ?? null],
      );
      await logProcessing(manager, actor, 'CREATE', 'client', [clientId], PURPOSE.REGISTRATION);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId, municipalityId });
      return clientId as string;
    });
    return this.toType(await this.findInMunicipality(municipalityId, id));
  }

  private registrationViolations(input: RegisterClientInput, today: string): RuleViolation[] {
    const violations = [...checkBsn(input.bsn)];
    if (input.dateOfBirth > today) violations.push({ field: 'dateOfBirth', code: 'DATE_OF_BIRTH_IN_FUTURE', message: 'De geboortedatum ligt in de toekomst.' });
    if (input.pipSignedOn) {
      violations.push(...checkPipDates({ brpRegistrationDate: input.brpRegistrationDate, pipSignedOn: input.pipSignedOn, today }));
    }
    if (input.route && input.level) violations.push(...checkPipLevel({ route: input.route as Route, level: input.level as Level, isFirstPip: true }));
    if ((input.route || input.level) && !input.pipSignedOn) {
      violations.push({ field: 'pipSignedOn', code: 'PIP_DATE_REQUIRED', message: 'Vul de PIP-datum in als u een route of niveau kiest.' });
    }
    return violations;
  }

  private async findInMunicipality(municipalityId: MunicipalityId, clientId: string): Promise<ClientRowWithBsn> {
    const [row] = await this.db.query(`SELECT ${CLIENT_COLUMNS} FROM client c WHERE c.id = $1 AND c.municipality_id = $2`, [clientId, municipalityId]);
    if (!row) throw new NotFoundAppError('Deze inburgeraar bestaat niet of hoort niet bij uw gemeente.');
    return row;
  }
}
