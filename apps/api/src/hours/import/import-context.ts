import { HOUR_REGISTRATION_PLACEMENT_STATUSES } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import type { ProviderId } from '../../tenancy';
import type { HourPlacement } from '../hour-entries';
import { clientKey, clientNameKeys, type FileClient, type ImportPlacement } from './hour-row-validator';

// What the row validator looks up, in plain rows rather than entities, and only what the file refers to: a large provider
// has thousands of placements, while a file names a few dozen clients.

/** The municipalities the provider works for, by lower-case CBS code and name (with and without "Gemeente"). */
export async function loadMunicipalities(manager: EntityManager, providerId: ProviderId): Promise<Map<string, string>> {
  const rows = await manager.query<{ id: string; cbsCode: string | null; name: string }[]>(
    `SELECT o.id, o.cbs_code AS "cbsCode", o.name FROM organisation o
      WHERE EXISTS (SELECT 1 FROM placement p WHERE p.municipality_id = o.id AND p.provider_id = $1)`,
    [providerId],
  );
  const municipalities = new Map<string, string>();
  for (const m of rows) {
    municipalities.set(m.name.toLowerCase(), m.id);
    municipalities.set(m.name.toLowerCase().replace(/^gemeente\s+/, ''), m.id);
    if (m.cbsCode) municipalities.set(m.cbsCode.toLowerCase(), m.id);
  }
  return municipalities;
}

/**
 * The provider's placements, in which hours may be registered, of the clients a file names: per clientKey, the latest
 * start first. One query, whatever the number of clients.
 */
export async function loadPlacements(manager: EntityManager, providerId: ProviderId, clients: readonly FileClient[]): Promise<Map<string, ImportPlacement[]>> {
  const placements = new Map<string, ImportPlacement[]>();
  if (clients.length === 0) return placements;
  const rows = await manager.query<(HourPlacement & { clientNumber: number; firstName: string; lastName: string })[]>(
    `SELECT p.id, p.client_id AS "clientId", p.provider_id AS "providerId", p.municipality_id AS "municipalityId", p.route,
            p.start_date AS "startDate", p.ended_on AS "endedOn", p.kind,
            c.client_number AS "clientNumber", c.first_name AS "firstName", c.last_name AS "lastName"
       FROM unnest($3::uuid[], $4::int[]) f(municipality_id, client_number)
       JOIN client c ON c.municipality_id = f.municipality_id AND c.client_number = f.client_number
       JOIN placement p ON p.client_id = c.id
      WHERE p.provider_id = $1 AND p.status = ANY($2::text[])
      ORDER BY p.start_date DESC NULLS LAST`,
    [providerId, [...HOUR_REGISTRATION_PLACEMENT_STATUSES], clients.map((c) => c.municipalityId), clients.map((c) => c.clientNumber)],
  );
  for (const { clientNumber, firstName, lastName, ...placement } of rows) {
    const key = clientKey(placement.municipalityId, clientNumber);
    const entry: ImportPlacement = { ...placement, clientNameKeys: clientNameKeys(firstName, lastName) };
    const list = placements.get(key);
    if (list) list.push(entry);
    else placements.set(key, [entry]);
  }
  return placements;
}
