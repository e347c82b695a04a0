import { addDays, compareDates, type CalendarDate } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';

// Demo placements: a share of the clients with a route started or accepted with a provider, a few requests in the
// providers' inboxes, and on the Liemerse kavel a full start moment with clients waiting for it.

const LESSONS: Record<string, { minutes: number; pattern: string }> = {
  B1: { minutes: 720, pattern: 'Dinsdag en donderdag, ochtend' },
  Z: { minutes: 600, pattern: 'Maandag en woensdag, ochtend' },
  ONDERWIJS: { minutes: 1_200, pattern: 'Maandag tot en met donderdag, voltijds' },
};

const FULL_LOT = 'B1-route Liemerse kavel';

interface Moment {
  id: string;
  contract_id: string;
  provider_id: string;
  starts_on: CalendarDate;
  seats: number;
  location: string;
}

interface Eligible {
  id: string;
  municipality_id: string;
  pip_signed_on: CalendarDate;
}

interface NewPlacement {
  lotId: string;
  client: Eligible;
  moment: Moment | null;
  contractId: string;
  providerId: string;
  status: 'WAITING' | 'REQUESTED' | 'ACCEPTED' | 'STARTED';
  requestedOn: CalendarDate;
}

/** Buckets of ten clients: 5 started, 2 accepted, 1 requested (waiting for the provider), 2 not yet placed. */
function bucket(index: number): NewPlacement['status'] | null {
  const slot = index % 10;
  return slot < 5 ? 'STARTED' : slot < 7 ? 'ACCEPTED' : slot === 7 ? 'REQUESTED' : null;
}

export async function seedPlacements(manager: EntityManager, today: CalendarDate): Promise<{ placements: number }> {
  // Demo clients with a PIP had one PIP; the PIP says how many hours a week and when.
  for (const [route, lessons] of Object.entries(LESSONS)) {
    await manager.query(`UPDATE client SET pip_count = 1, pip_minutes_per_week = $2, pip_lesson_pattern = $3 WHERE pip_signed_on IS NOT NULL AND route = $1`, [
      route, lessons.minutes, lessons.pattern,
    ]);
  }
  await manager.query(`UPDATE client SET pip_count = 1 WHERE pip_signed_on IS NOT NULL AND pip_count = 0`);
  const lots: { id: string; name: string; subject: string }[] = await manager.query(`SELECT id, name, subject FROM lot WHERE subject IN ('B1', 'Z', 'ONDERWIJS') ORDER BY name`);
  const placements: NewPlacement[] = [];
  for (const lot of lots) {
    const moments: Moment[] = await manager.query(
      `SELECT sm.id, sm.contract_id, c.provider_id, sm.starts_on, sm.seats, sm.location FROM start_moment sm JOIN contract c ON c.id = sm.contract_id
        WHERE c.lot_id = $1 ORDER BY c.provider_id, sm.starts_on`,
      [lot.id],
    );
    const contracts = [...new Set(moments.map((m) => m.contract_id))];
    if (contracts.length === 0) continue;
    const clients: Eligible[] = await manager.query(
      `SELECT c.id, c.municipality_id, c.pip_signed_on FROM client c JOIN lot_municipality lm ON lm.municipality_id = c.municipality_id AND lm.lot_id = $1
        WHERE c.route = $2 AND c.pip_signed_on IS NOT NULL ORDER BY c.municipality_id, c.client_number`,
      [lot.id, lot.subject],
    );
    const used = new Map<string, number>();
    const take = (moment: Moment, cap: number) => {
      const count = used.get(moment.id) ?? 0;
      if (count >= cap) return false;
      used.set(moment.id, count + 1);
      return true;
    };
    let queue = clients;
    if (lot.name === FULL_LOT) {
      // The last start moment is full, and two clients wait for it.
      const last = moments[moments.length - 1];
      const fill = queue.slice(0, last.seats);
      for (const client of fill) placements.push({ lotId: lot.id, client, moment: last, contractId: last.contract_id, providerId: last.provider_id, status: 'ACCEPTED', requestedOn: addDays(today, -12) });
      used.set(last.id, fill.length);
      for (const [i, client] of queue.slice(last.seats, last.seats + 2).entries()) {
        placements.push({ lotId: lot.id, client, moment: last, contractId: last.contract_id, providerId: last.provider_id, status: 'WAITING', requestedOn: addDays(today, -6 + i) });
      }
      queue = queue.slice(last.seats + 2);
    }
    for (const [index, client] of queue.entries()) {
      const status = bucket(index);
      if (!status) continue;
      const contractId = contracts[index % contracts.length];
      const [past, soon] = moments.filter((m) => m.contract_id === contractId);
      if (status === 'STARTED' && compareDates(client.pip_signed_on, addDays(past.starts_on, -14)) <= 0 && take(past, past.seats - 2)) {
        placements.push({ lotId: lot.id, client, moment: past, contractId, providerId: past.provider_id, status, requestedOn: addDays(past.starts_on, -14) });
      } else if (status !== 'REQUESTED' && take(soon, soon.seats - 4)) {
        placements.push({ lotId: lot.id, client, moment: soon, contractId, providerId: soon.provider_id, status: 'ACCEPTED', requestedOn: addDays(today, -10) });
      } else if (take(soon, soon.seats - 2)) {
        placements.push({ lotId: lot.id, client, moment: soon, contractId, providerId: soon.provider_id, status: 'REQUESTED', requestedOn: addDays(today, -2) });
      }
    }
  }
  if (placements.length === 0) return { placements: 0 };
  const rows = placements;
  const accepted = (p: NewPlacement) => p.status === 'ACCEPTED' || p.status === 'STARTED';
  const ids: { id: string }[] = await manager.query(
    `INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, start_moment_id, route, status, requested_at, start_date, location,
                            group_name, idempotency_key)
     SELECT t.client_id, t.municipality_id, t.lot_id, t.contract_id, t.provider_id, t.start_moment_id, c.route, t.status,
            (t.requested_on::timestamp + interval '10 hours') AT TIME ZONE 'Europe/Amsterdam', t.start_date, t.location, t.group_name, 'demo:' || t.client_id
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::date[], $9::date[], $10::text[], $11::text[])
            AS t(client_id, municipality_id, lot_id, contract_id, provider_id, start_moment_id, status, requested_on, start_date, location, group_name)
       JOIN client c ON c.id = t.client_id
     RETURNING id`,
    [
      rows.map((p) => p.client.id), rows.map((p) => p.client.municipality_id), rows.map((p) => p.lotId), rows.map((p) => p.contractId), rows.map((p) => p.providerId),
      rows.map((p) => p.moment?.id ?? null), rows.map((p) => p.status), rows.map((p) => p.requestedOn),
      rows.map((p) => (accepted(p) ? p.moment?.starts_on ?? null : null)), rows.map((p) => (accepted(p) ? p.moment?.location ?? null : null)),
      rows.map((p) => (accepted(p) && p.moment ? `Groep ${p.moment.starts_on.slice(5, 7)}-${p.moment.starts_on.slice(0, 4)}` : null)),
    ],
  );
  await manager.query(
    `INSERT INTO placement_event (placement_id, from_status, to_status, note)
     SELECT p.id, NULL, p.status, 'Demodata' FROM placement p WHERE p.id = ANY($1::uuid[])`,
    [ids.map((row) => row.id)],
  );
  return { placements: ids.length };
}
