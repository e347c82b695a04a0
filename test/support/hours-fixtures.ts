import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { addDays, addMonths, calendarDateInAmsterdam, isoWeekday, startOfIsoWeek, type CalendarDate } from '@inburgering/domain';

export interface FixturePlacement {
  placementId: string;
  clientId: string;
  clientNumber: number;
  clientName: string;
  municipalityId: string;
}

export interface PlaceClientsOptions {
  provider: string;
  /** CBS code of the clients' municipality. */
  municipality: string;
  route: 'B1' | 'Z' | 'ONDERWIJS';
  count: number;
  groupName: string;
  startDate?: CalendarDate;
  targetGroup?: 'STATUS_HOLDER' | 'FAMILY_MIGRANT' | 'OTHER';
}

/** Started placements of not yet placed clients with a provider, by SQL (issue 4's demo placements may not exist yet). */
export async function placeClients(pg: Client, options: PlaceClientsOptions): Promise<FixturePlacement[]> {
  const startDate = options.startDate ?? addMonths(today(), -12);
  const { rows: [contract] } = await pg.query(
    `SELECT c.id AS contract_id, c.lot_id, m.id AS municipality_id FROM contract c
       JOIN organisation p ON p.id = c.provider_id JOIN lot l ON l.id = c.lot_id
       JOIN lot_municipality lm ON lm.lot_id = l.id JOIN organisation m ON m.id = lm.municipality_id
      WHERE p.name = $1 AND l.subject = $2 AND m.cbs_code = $3 LIMIT 1`,
    [options.provider, options.route, options.municipality],
  );
  if (!contract) throw new Error(`Geen contract van ${options.provider} voor ${options.route} in ${options.municipality}`);
  const { rows } = await pg.query(
    `WITH chosen AS (
       SELECT c.id FROM client c WHERE c.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.client_id = c.id)
        ORDER BY c.client_number LIMIT $2 FOR UPDATE
     ), updated AS (
       UPDATE client c SET route = $3, target_group = coalesce($9, c.target_group), pip_minutes_per_week = 600
         FROM chosen WHERE c.id = chosen.id RETURNING c.id, c.client_number, c.first_name, c.last_name
     ), placed AS (
       INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, route, status, requested_at, start_date, group_name, idempotency_key)
       SELECT u.id, $1, $4, $5, (SELECT provider_id FROM contract WHERE id = $5), $3, 'STARTED', now(), $6, $7, $8 || u.id
         FROM updated u RETURNING id, client_id
     )
     SELECT placed.id AS placement_id, u.id AS client_id, u.client_number, u.first_name || ' ' || u.last_name AS client_name
       FROM placed JOIN updated u ON u.id = placed.client_id ORDER BY u.client_number`,
    [contract.municipality_id, options.count, options.route, contract.lot_id, contract.contract_id, startDate, options.groupName, `fixture-${randomUUID()}-`,
      options.targetGroup ?? null],
  );
  if (rows.length < options.count) throw new Error(`Maar ${rows.length} vrije inburgeraars in ${options.municipality}`);
  return rows.map((r) => ({ placementId: r.placement_id, clientId: r.client_id, clientNumber: r.client_number, clientName: r.client_name, municipalityId: contract.municipality_id }));
}

export function today(): CalendarDate {
  return calendarDateInAmsterdam(new Date());
}

/** Monday of a week that lies entirely in the previous month (so it is in the past and in one period). */
export function weekInPreviousMonth(): { weekStart: CalendarDate; days: CalendarDate[]; month: CalendarDate } {
  const month = `${addMonths(today(), -1).slice(0, 7)}-01`;
  const weekStart = startOfIsoWeek(addDays(month, 7));
  return { weekStart, days: [0, 1, 2, 3, 4].map((i) => addDays(weekStart, i)), month };
}

/** The last `count` weekdays before today, oldest first. */
export function pastWeekdays(count: number, before: CalendarDate = today()): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = addDays(before, -1); days.length < count; day = addDays(day, -1)) {
    if (isoWeekday(day) <= 5) days.unshift(day);
  }
  return days;
}

/** Hours straight into the table (for norms and progress tests), one row per day from `from`. */
export async function insertHours(pg: Client, placement: FixturePlacement, category: string, days: number, minutesPerDay: number, from: CalendarDate): Promise<void> {
  await pg.query(
    `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes)
     SELECT p.id, p.client_id, p.provider_id, p.municipality_id, $2::date + g, $3, $4, $4 FROM placement p, generate_series(0, $5 - 1) g WHERE p.id = $1`,
    [placement.placementId, from, category, minutesPerDay, days],
  );
}

export interface HoursUploadResult {
  status: number;
  body: { id?: string; status?: string; code?: string; message?: string; fields?: { field: string; message: string }[] };
}

/** Uploads an hours file as the portal does: multipart, session cookie, X-Requested-With and an Idempotency-Key. */
export async function uploadHours(
  baseUrl: string, session: { lastSetCookie: string | null }, filename: string, content: string | Uint8Array, mode: 'DRY_RUN' | 'APPLY', idempotencyKey: string,
): Promise<HoursUploadResult> {
  const form = new FormData();
  form.append('mode', mode);
  form.append('file', new Blob([typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)]), filename);
  const cookie = session.lastSetCookie?.split(';')[0];
  const response = await fetch(`${baseUrl}/api/hours/imports`, {
    method: 'POST',
    headers: { ...(cookie ? { cookie } : {}), 'x-requested-with': 'fetch', 'idempotency-key': idempotencyKey },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

/** A CSV in the template's columns with Dutch dates (dd-mm-jjjj) and decimal commas. */
export function hoursCsv(rows: { clientNumber: number | string; date: CalendarDate | string; category: string; planned: string; attended: string; reason?: string }[]): string {
  const dutch = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}` : date);
  const lines = rows.map((r) => ['GM0202', r.clientNumber, dutch(r.date), r.category, r.planned, r.attended, r.reason ?? ''].join(';'));
  return `\ufeffgemeente;klantnummer;datum;categorie;gepland;aanwezig;reden\r\n${lines.join('\r\n')}\r\n`;
}
