// Records the demo data lacks but the authorisation tests need to probe, written straight into the test database:
// import batches, submitted hour months, evidence with a document, a placement withdrawn while still waiting for a
// seat (never offered to the provider), and a client with hours at two providers.
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

export interface AuthzFixtures {
  /** A client of `firstProvider` that also has hours at `secondProvider`. */
  sharedClient: { clientId: string; firstProvider: string; secondProvider: string } | null;
  /** Placements withdrawn before they were ever offered, per provider. */
  withdrawnBeforeOffer: Map<string, string>;
}

async function orgOf(pg: Client, email: string): Promise<string> {
  const { rows } = await pg.query<{ organisation_id: string }>(`SELECT organisation_id FROM app_user WHERE email = $1`, [email]);
  return rows[0].organisation_id;
}

export async function insertAuthzFixtures(pg: Client): Promise<AuthzFixtures> {
  const newbees = await orgOf(pg, 'aanbieder@newbees.demo.nl');
  const sagenn = await orgOf(pg, 'aanbieder@sagenn.demo.nl');
  const nobRegion = await orgOf(pg, 'projectleider@noordoost-brabant.demo.nl');
  const { rows: nob } = await pg.query<{ provider_id: string }>(`SELECT k.provider_id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE l.region_id = $1 ORDER BY k.provider_id LIMIT 1`, [nobRegion]);
  const providers = [newbees, sagenn, ...nob.map((row) => row.provider_id)];
  const withdrawnBeforeOffer = new Map<string, string>();

  for (const provider of providers) {
    await pg.query(
      `INSERT INTO import_batch (provider_id, idempotency_key, filename, format, sha256, content, mode, status, total_rows, processed_rows)
       VALUES ($1, $2, 'uren-oktober.csv', 'csv', md5($2), '\\x', 'DRY_RUN', 'VALID', 0, 0)`,
      [provider, randomUUID()],
    );
    await pg.query(
      `INSERT INTO hour_period (provider_id, municipality_id, month, status, submitted_at)
       SELECT DISTINCT p.provider_id, p.municipality_id, DATE '2026-09-01', 'SUBMITTED', now() FROM placement p WHERE p.provider_id = $1 AND p.status IN ('STARTED', 'ENDED')
       ON CONFLICT DO NOTHING`,
      [provider],
    );
    const { rows: requirements } = await pg.query<{ id: string; first_due_on: string }>(
      `SELECT qr.id, qr.first_due_on::text FROM quality_requirement qr JOIN contract k ON k.id = qr.contract_id WHERE k.provider_id = $1 ORDER BY qr.id LIMIT 1`,
      [provider],
    );
    if (requirements[0]) {
      const { rows: documents } = await pg.query<{ id: string }>(
        `INSERT INTO stored_document (organisation_id, filename, mime_type, size_bytes, sha256, content) VALUES ($1, 'bewijs.pdf', 'application/pdf', 4, md5(random()::text), '\\x25504446') RETURNING id`,
        [provider],
      );
      await pg.query(
        `INSERT INTO quality_evidence (requirement_id, due_on, value, document_id, status, idempotency_key) VALUES ($1, $2, '8', $3, 'SUBMITTED', $4)`,
        [requirements[0].id, requirements[0].first_due_on, documents[0].id, randomUUID()],
      );
    }
    // A request that went to the waiting list and was withdrawn there: the provider never heard of it.
    const { rows: withdrawn } = await pg.query<{ id: string }>(
      `INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, route, status, requested_at, idempotency_key)
       SELECT p.client_id, p.municipality_id, p.lot_id, p.contract_id, p.provider_id, p.route, 'WITHDRAWN', now() - interval '20 days', $2
       FROM placement p WHERE p.provider_id = $1 ORDER BY p.id LIMIT 1 RETURNING id`,
      [provider, randomUUID()],
    );
    if (withdrawn[0]) {
      await pg.query(
        `INSERT INTO placement_event (placement_id, from_status, to_status, occurred_at, note) VALUES ($1, NULL, 'WAITING', now() - interval '20 days', 'Geen vrije plaats'),
         ($1, 'WAITING', 'WITHDRAWN', now() - interval '10 days', 'Ingetrokken door de gemeente')`,
        [withdrawn[0].id],
      );
      withdrawnBeforeOffer.set(provider, withdrawn[0].id);
    }
  }

  // A client placed at New Bees that earlier followed lessons at Sagenn: each provider may count only its own hours.
  // The client lives in a municipality that a Sagenn lot covers, so the earlier placement is an ordinary one.
  const { rows: shared } = await pg.query<{ client_id: string; municipality_id: string; contract_id: string; lot_id: string }>(
    `SELECT p.client_id, p.municipality_id, k.id AS contract_id, k.lot_id FROM placement p
     JOIN lot_municipality lm ON lm.municipality_id = p.municipality_id JOIN contract k ON k.lot_id = lm.lot_id AND k.provider_id = $2
     WHERE p.provider_id = $1 AND p.status = 'STARTED' ORDER BY p.id LIMIT 1`,
    [newbees, sagenn],
  );
  const sagennContract = shared.map((row) => ({ id: row.contract_id, lot_id: row.lot_id }));
  let sharedClient: AuthzFixtures['sharedClient'] = null;
  if (shared[0] && sagennContract[0]) {
    const { rows: placement } = await pg.query<{ id: string }>(
      `INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, route, status, requested_at, idempotency_key, start_date, ended_on, end_reason, location)
       VALUES ($1, $2, $3, $4, $5, 'B1', 'ENDED', now() - interval '200 days', $6, DATE '2026-03-02', DATE '2026-06-30', 'STOPPED', 'Zevenaar') RETURNING id`,
      [shared[0].client_id, shared[0].municipality_id, sagennContract[0].lot_id, sagennContract[0].id, sagenn, randomUUID()],
    );
    await pg.query(
      `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes)
       SELECT $1, $2, $3, $4, d::date, 'LANGUAGE', 600, 600 FROM generate_series(DATE '2026-04-06', DATE '2026-04-10', interval '1 day') d`,
      [placement[0].id, shared[0].client_id, sagenn, shared[0].municipality_id],
    );
    sharedClient = { clientId: shared[0].client_id, firstProvider: newbees, secondProvider: sagenn };
  }
  return { sharedClient, withdrawnBeforeOffer };
}
