import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatDateNl } from '@inburgering/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { BSN_CRYPTO, BsnCrypto, openTaggedPdf } from '../common';
import { ClientEntity } from '../database';
import { type Actor, municipalityScopeOf } from '../tenancy';

/** Columns that hold secrets or bytes, never handed out (hashes, encrypted values, codes, file contents). */
const WITHHELD_COLUMN = /(_hash|_encrypted|secret|token|_code_hash|content|pin)$/;

export type AccessRequestRow = Record<string, unknown>;

/** Everything the platform holds on one client, and who saw or changed it (AVG art. 15). */
export interface AccessRequest {
  producedAt: string;
  client: AccessRequestRow & { bsn: string | null };
  /** Per table, the rows about the client (directly or through one of the client's placements). */
  records: { table: string; rows: AccessRequestRow[] }[];
  processingLog: { occurredAt: string; action: string; purpose: string; byUser: string | null; byOrganisation: string | null }[];
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A data subject's access request (AVG art. 15; issue 14): the consultant of the client's municipality produces, for
 * one client, every row that refers to the client or to one of the client's placements, found through the database's
 * own catalogue so a new table is never forgotten, and the processing log about the client. Producing it is itself
 * logged (and so appears in it).
 */
@Injectable()
export class AccessRequestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BSN_CRYPTO) private readonly crypto: BsnCrypto,
    private readonly access: AccessService,
  ) {}

  async produce(actor: Actor, clientId: string): Promise<AccessRequest> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', clientId);
    await logProcessing(this.db.manager, actor, 'READ', 'client', [clientId], PURPOSE.ACCESS_REQUEST);
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const client = await manager.getRepository(ClientEntity).findOneBy({ id: clientId, municipalityId });
      if (!client) throw this.access.notFound('client');
      const placementIds = (await manager.query<{ id: string }[]>(`SELECT id FROM placement WHERE client_id = $1`, [clientId])).map((p) => p.id);
      const records: AccessRequest['records'] = [];
      for (const { table, column } of await referringTables(manager)) {
        const ids = column === 'client_id' ? [clientId] : placementIds;
        if (ids.length === 0) continue;
        const rows = await manager.query<AccessRequestRow[]>(`SELECT * FROM ${quoteIdent(table)} WHERE ${quoteIdent(column)} = ANY($1::uuid[])`, [ids]);
        if (rows.length > 0) records.push({ table, rows: rows.map(withoutSecrets) });
      }
      const { bsnEncrypted, bsnHash: _hash, ...plain } = client;
      const processingLog = await manager.query<AccessRequest['processingLog']>(
        `SELECT to_char(l.occurred_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI') AS "occurredAt", l.action, l.purpose,
                u.display_name AS "byUser", o.name AS "byOrganisation"
         FROM processing_log l LEFT JOIN app_user u ON u.id = l.actor_user_id LEFT JOIN organisation o ON o.id = l.actor_organisation_id
         WHERE l.subject_ids && $1::uuid[] ORDER BY l.occurred_at, l.id`,
        [[clientId, ...placementIds]],
      );
      return {
        producedAt: new Date().toISOString(),
        client: { ...withoutSecrets(plain as AccessRequestRow), bsn: bsnEncrypted === null ? null : this.crypto.decrypt(bsnEncrypted) },
        records,
        processingLog,
      };
    });
  }

  async pdf(actor: Actor, clientId: string): Promise<Buffer> {
    const request = await this.produce(actor, clientId);
    const name = `${String(request.client.firstName)} ${String(request.client.lastName)}`;
    const { doc, block, table, finish } = await openTaggedPdf({ margin: 40, info: { Title: `Inzageverzoek ${name}`, Subject: 'Inzage in persoonsgegevens (AVG art. 15)' } });
    block('H1', () => doc.font('Helvetica-Bold').fontSize(16).text(`Inzageverzoek (AVG art. 15): ${name}`, 40, 40));
    block('P', () => doc.font('Helvetica').fontSize(9).moveDown(0.4).text(
      `Alle gegevens die het platform Inburgering Regio over deze persoon bewaart, en wie ze wanneer heeft ingezien of gewijzigd. Gemaakt op ${formatDateNl(request.producedAt.slice(0, 10))}.`, 40, doc.y));
    block('H2', () => doc.font('Helvetica-Bold').fontSize(12).moveDown(0.8).text('Persoonsgegevens', 40, doc.y));
    table(['Gegeven', 'Waarde'], Object.entries(request.client).map(([key, value]) => [key, text(value)]));
    for (const { table: name, rows } of request.records) {
      block('H2', () => doc.font('Helvetica-Bold').fontSize(12).moveDown(0.8).text(`${name} (${rows.length})`, 40, doc.y));
      for (const row of rows) block('P', () => doc.font('Helvetica').fontSize(8).text(Object.entries(row).map(([k, v]) => `${k}: ${text(v)}`).join('; '), 40, doc.y).moveDown(0.3));
    }
    block('H2', () => doc.font('Helvetica-Bold').fontSize(12).moveDown(0.8).text('Wie zag of wijzigde deze gegevens', 40, doc.y));
    table(['Wanneer', 'Wat', 'Wie', 'Organisatie', 'Doel'],
      request.processingLog.map((l) => [l.occurredAt, l.action, l.byUser ?? 'het platform', l.byOrganisation ?? '', l.purpose]));
    return finish();
  }
}

/** The tables with a client_id or placement_id column, from the catalogue (never from input). */
async function referringTables(manager: EntityManager): Promise<{ table: string; column: 'client_id' | 'placement_id' }[]> {
  return manager.query(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name IN ('client_id', 'placement_id') AND table_name NOT IN ('processing_log')
     ORDER BY table_name, column_name`,
  );
}

function withoutSecrets(row: AccessRequestRow): AccessRequestRow {
  return Object.fromEntries(Object.entries(row).filter(([key, value]) => !WITHHELD_COLUMN.test(key) && !Buffer.isBuffer(value)));
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
