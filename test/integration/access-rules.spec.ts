// The access module's rules against the demo data: each kind answers for every tenant kind with the ids it may see.
import { DataSource } from 'typeorm';
import { AccessRepository, type AccessKind } from '../../apps/api/src/access/access.repository';
import { AccessService } from '../../apps/api/src/access/access.service';
import { openDataSource } from '../../apps/api/src/database/open-data-source';
import { seedDemoData } from '../../apps/api/src/seed/seed-demo-data';
import type { Actor } from '../../apps/api/src/tenancy/actor';
import { TEST_BSN_KEY } from '../support/test-config';
import { createTestDatabase } from '../support/test-database';

let db: DataSource;
let drop: () => Promise<void>;
let access: AccessService;

async function actorFor(email: string): Promise<Actor> {
  const [row] = await db.query(
    `SELECT u.id AS "userId", u.role, o.id AS "organisationId", o.kind AS "organisationKind",
            CASE WHEN o.kind = 'REGION' THEN o.id ELSE o.region_id END AS "regionId"
       FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = $1`,
    [email],
  );
  return row as Actor;
}

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  db = await openDataSource(database.url);
  await seedDemoData(db, TEST_BSN_KEY);
  access = new AccessService(new AccessRepository(db));
});
afterAll(async () => {
  await db.destroy();
  await drop();
});

const TABLES: Record<AccessKind, string> = {
  client: 'client',
  placement: 'placement',
  lot: 'lot',
  contract: 'contract',
  startMoment: 'start_moment',
  qualityRequirement: 'quality_requirement',
  evidence: 'quality_evidence',
  document: 'stored_document',
  hourEntry: 'hour_entry',
  hourPeriod: 'hour_period',
  result: 'integration_result',
  outcome: 'client_outcome',
  signal: 'signal',
  importBatch: 'import_batch',
  subRegion: 'sub_region',
  municipality: 'organisation',
  provider: 'organisation',
  institution: 'organisation',
  invoice: 'invoice',
  group: 'presence_group',
  lesson: 'presence_lesson',
  teacher: 'app_user',
  report: 'quarterly_report',
  mapPart: 'map_part',
  mapPartChoice: 'map_part_choice',
  loginOrganisation: 'organisation',
  appUser: 'app_user',
  userOrganisation: 'organisation',
  passkey: 'user_passkey',
};

describe('the access module', () => {
  it('answers every kind for a provider, a consultant and projectleiders of two regions, malformed ids included, without a database error', async () => {
    const actors = await Promise.all(
      ['aanbieder@newbees.demo.nl', 'consulent@arnhem.demo.nl', 'projectleider@midden-gelderland.demo.nl', 'projectleider@noordoost-brabant.demo.nl', 'beheer@midden-gelderland.demo.nl'].map(actorFor),
    );
    for (const [kind, table] of Object.entries(TABLES) as [AccessKind, string][]) {
      const ids: string[] = (await db.query(`SELECT id FROM ${table} LIMIT 2000`)).map((row: { id: string }) => row.id);
      for (const actor of actors) {
        const allowed = await access.allowed(actor, kind, [...ids, 'not-a-uuid', '00000000-0000-0000-0000-000000000000']);
        expect(allowed.size).toBeLessThanOrEqual(ids.length);
      }
    }
  });

  it('gives a teacher only the lessons and groups they teach, and nothing of any other kind', async () => {
    const teacher = await actorFor('docent@newbees.demo.nl');
    const staff = await actorFor('aanbieder@newbees.demo.nl');
    const lessons: { id: string; teacher_user_id: string; provider_id: string }[] = await db.query(`SELECT id, teacher_user_id, provider_id FROM presence_lesson`);
    const own = lessons.filter((l) => l.teacher_user_id === teacher.userId).map((l) => l.id);
    expect(own.length).toBeGreaterThan(0);
    expect([...(await access.allowed(teacher, 'lesson', lessons.map((l) => l.id)))].sort()).toEqual(own.sort());
    expect((await access.allowed(staff, 'lesson', lessons.map((l) => l.id))).size).toBe(lessons.filter((l) => l.provider_id === staff.organisationId).length);
    const clients: string[] = (await db.query(`SELECT client_id FROM placement WHERE provider_id = $1`, [teacher.organisationId])).map((r: { client_id: string }) => r.client_id);
    expect((await access.allowed(teacher, 'client', clients)).size).toBe(0);
  });

  it('gives a consultant only its own municipality\'s clients and a provider only clients it accepted', async () => {
    const arnhem = await actorFor('consulent@arnhem.demo.nl');
    const newBees = await actorFor('aanbieder@newbees.demo.nl');
    const rows: { id: string; municipality_id: string }[] = await db.query(`SELECT id, municipality_id FROM client`);
    const visible = await access.allowed(arnhem, 'client', rows.map((row) => row.id));
    expect(visible.size).toBeGreaterThan(0);
    expect([...visible].every((id) => rows.find((row) => row.id === id)?.municipality_id === arnhem.organisationId)).toBe(true);
    const accepted: string[] = (
      await db.query(`SELECT DISTINCT client_id FROM placement WHERE provider_id = $1 AND status IN ('ACCEPTED', 'STARTED', 'ENDED')`, [newBees.organisationId])
    ).map((row: { client_id: string }) => row.client_id);
    expect([...(await access.allowed(newBees, 'client', rows.map((row) => row.id)))].sort()).toEqual(accepted.sort());
  });

  it('answers foreign and unknown ids with the same NOT_FOUND', async () => {
    const brabant = await actorFor('projectleider@noordoost-brabant.demo.nl');
    const [{ id: foreignLot }] = await db.query(`SELECT l.id FROM lot l JOIN organisation r ON r.id = l.region_id WHERE r.name LIKE '%Midden-Gelderland%' LIMIT 1`);
    const foreign = await access.require(brabant, 'lot', [foreignLot]).catch((error: Error) => error);
    const unknown = await access.require(brabant, 'lot', ['00000000-0000-4000-8000-000000000000']).catch((error: Error) => error);
    const malformed = await access.require(brabant, 'lot', ['a']).catch((error: Error) => error);
    expect(foreign).toEqual(unknown);
    expect(malformed).toEqual(unknown);
    expect((unknown as Error).message).toBe('Dit perceel bestaat niet of is niet bij uw organisatie bekend.');
  });
});
