import {
  AddQualityRequirementDocument, ContractDocument, CreateContractDocument, CreateLotDocument, CreateSubRegionDocument, DeclareStartMomentDocument, LotDocument,
  ReviewQualityEvidenceDocument, SaveProviderDocument, SubmitQualityEvidenceDocument, UpdateContractDocument, UpdateStartMomentDocument,
  type SaveProviderInput,
} from '@inburgering/contracts';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loginAs, type GraphqlErrorBody, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { contractIdOf, count, lotIdByName, PDF_BYTES, uploadDocument } from '../support/procurement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { expectMalformedIdRefused } from '../support/malformed-id';

let platform: TestPlatform;
let pg: Client;
let midden: GraphqlSession;
let brabant: GraphqlSession;
let newBees: GraphqlSession;
let sagenn: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  midden = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
  brabant = await loginAs(platform.url, 'projectleider@noordoost-brabant.demo.nl');
  newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const providerRow = async (name: string) => (await pg.query(`SELECT * FROM organisation WHERE kind = 'PROVIDER' AND name = $1`, [name])).rows[0];
const firstError = (result: GraphqlResult<unknown>): Pick<GraphqlErrorBody, 'message'> & { code?: string } => ({
  code: result.errors?.[0]?.extensions?.code,
  message: result.errors?.[0]?.message ?? '',
});

/** A foreign id and an unknown id must answer exactly alike: NOT_FOUND with the same message, and no data. */
function expectSameNotFound(foreign: GraphqlResult<unknown>, unknown: GraphqlResult<unknown>): void {
  expect(foreign.data).toBeNull();
  expect(unknown.data).toBeNull();
  expect(firstError(foreign)).toEqual(firstError(unknown));
  expect(firstError(foreign).code).toBe('NOT_FOUND');
}

const providerInput = (change: Partial<SaveProviderInput> = {}): SaveProviderInput => ({
  name: 'Taalhuis Maas en Leijgraaf', kvkNumber: '90000077', providerKind: 'LANGUAGE_SCHOOL', keurmerkNumber: null, keurmerkValidUntil: null,
  duoInstitutionNumber: null, isTaalschakelInstitution: false, ...change,
});

describe('providers are managed by the regions that contract or registered them (hole #1)', () => {
  it("refuses a projectleider of another region renaming a provider or changing its keurmerk, exactly like an unknown provider, and fires no signal", async () => {
    const before = await providerRow('Sagenn');
    const outbox = await count(pg, `SELECT count(*) FROM outbox_message`);
    const foreign = await brabant.request(SaveProviderDocument, {
      input: providerInput({ id: before.id, name: 'Overgenomen', kvkNumber: before.kvk_number, keurmerkNumber: null, keurmerkValidUntil: null }),
    });
    const unknown = await brabant.request(SaveProviderDocument, { input: providerInput({ id: randomUUID(), kvkNumber: '90000078' }) });
    expectSameNotFound(foreign, unknown);
    const after = await providerRow('Sagenn');
    expect([after.name, after.keurmerk_number, after.keurmerk_valid_until]).toEqual([before.name, before.keurmerk_number, before.keurmerk_valid_until]);
    expect(await count(pg, `SELECT count(*) FROM outbox_message`)).toBe(outbox);
  });

  it('lets the contracting region update its provider', async () => {
    const before = await providerRow('VluchtelingenWerk Oost Nederland');
    const { saveProvider } = await midden.ok(SaveProviderDocument, {
      input: providerInput({ id: before.id, name: before.name, kvkNumber: before.kvk_number, providerKind: 'OTHER_PARTNER', duoInstitutionNumber: '41055629HA' }),
    });
    expect(saveProvider).toMatchObject({ id: before.id, duoInstitutionNumber: '41055629HA', keurmerkStatus: 'NONE' });
  });

  it('records which region registered a new provider; that region may change it until another region contracts it, other regions never', async () => {
    const { saveProvider: created } = await brabant.ok(SaveProviderDocument, { input: providerInput() });
    const brabantId = (await pg.query(`SELECT id FROM organisation WHERE name = 'Arbeidsmarktregio Noordoost-Brabant'`)).rows[0].id;
    expect((await providerRow('Taalhuis Maas en Leijgraaf')).created_by_region_id).toBe(brabantId);
    const renamed = await brabant.ok(SaveProviderDocument, { input: providerInput({ id: created.id, name: 'Taalhuis Maas en Leijgraaf B.V.' }) });
    expect(renamed.saveProvider.name).toBe('Taalhuis Maas en Leijgraaf B.V.');
    const byMidden = await midden.request(SaveProviderDocument, { input: providerInput({ id: created.id, name: 'Gekaapt' }) });
    expect(firstError(byMidden).code).toBe('NOT_FOUND');
    expect((await providerRow('Taalhuis Maas en Leijgraaf B.V.')).name).toBe('Taalhuis Maas en Leijgraaf B.V.');
    // Once Midden-Gelderland contracts it, Brabant (which contracts it nowhere) no longer manages it.
    const lotId = await lotIdByName(pg, 'B1-route Midden-Gelderland');
    await midden.ok(CreateContractDocument, { input: { lotId, providerId: created.id, status: 'DRAFT', startDate: '2026-01-01', endDate: '2026-12-31' } });
    const late = await brabant.request(SaveProviderDocument, { input: providerInput({ id: created.id, name: 'Te laat' }) });
    expect(firstError(late).code).toBe('NOT_FOUND');
  });

  it('refuses a sub-region with a municipality of another region, exactly like an unknown municipality', async () => {
    const oss = (await pg.query(`SELECT id FROM organisation WHERE kind = 'MUNICIPALITY' AND cbs_code = 'GM0828'`)).rows[0]?.id
      ?? (await pg.query(`SELECT o.id FROM organisation o JOIN organisation r ON r.id = o.region_id WHERE r.name = 'Arbeidsmarktregio Noordoost-Brabant' LIMIT 1`)).rows[0].id;
    const foreign = await midden.request(CreateSubRegionDocument, { input: { name: 'Over de grens', municipalityIds: [oss] } });
    const unknown = await midden.request(CreateSubRegionDocument, { input: { name: 'Over de grens', municipalityIds: [randomUUID()] } });
    expect(foreign.data).toBeNull();
    expect(foreign.errors?.[0].extensions).toEqual(unknown.errors?.[0].extensions);
    expect(foreign.errors?.[0].extensions?.fields?.[0]).toMatchObject({ code: 'LOT_MUNICIPALITY_NOT_IN_REGION' });
    expect(await count(pg, `SELECT count(*) FROM sub_region WHERE name = 'Over de grens'`)).toBe(0);
  });
  it("refuses a lot on another region's sub-region or municipality, exactly like unknown ones", async () => {
    const brabantMunicipalities = (await pg.query(
      `SELECT o.id FROM organisation o JOIN organisation r ON r.id = o.region_id WHERE r.name = 'Arbeidsmarktregio Noordoost-Brabant' ORDER BY o.name LIMIT 2`,
    )).rows.map((row: { id: string }) => row.id);
    const { createSubRegion } = await brabant.ok(CreateSubRegionDocument, { input: { name: 'Maasland', municipalityIds: brabantMunicipalities } });
    const lot = (change: { coverage: 'SUB_REGION' | 'LIST'; subRegionId?: string; municipalityIds?: string[] }) => ({
      input: {
        name: 'Perceel over de grens', subject: 'KNM' as const, periodStart: '2026-01-01', periodEnd: '2027-12-31', expectedVolumePerYear: 10, maxExtensionMonths: 0,
        municipalityIds: [], priceModel: { kind: 'PER_MODULE' as const, pricePerModuleCents: 10_000 }, ...change,
      },
    });
    const fieldsOf = (result: GraphqlResult<unknown>) => result.errors?.[0]?.extensions?.fields;
    const foreignSubRegion = await midden.request(CreateLotDocument, lot({ coverage: 'SUB_REGION', subRegionId: createSubRegion.id }));
    expect(fieldsOf(foreignSubRegion)).toEqual(fieldsOf(await midden.request(CreateLotDocument, lot({ coverage: 'SUB_REGION', subRegionId: randomUUID() }))));
    expect(fieldsOf(foreignSubRegion)?.[0]).toMatchObject({ field: 'subRegionId' });
    const foreignList = await midden.request(CreateLotDocument, lot({ coverage: 'LIST', municipalityIds: [brabantMunicipalities[0]] }));
    expect(fieldsOf(foreignList)).toEqual(fieldsOf(await midden.request(CreateLotDocument, lot({ coverage: 'LIST', municipalityIds: [randomUUID()] }))));
    expect(fieldsOf(foreignList)?.[0]).toMatchObject({ code: 'LOT_MUNICIPALITY_NOT_IN_REGION' });
    expect(await count(pg, `SELECT count(*) FROM lot WHERE name = 'Perceel over de grens'`)).toBe(0);
  });
});

describe('foreign ids answer like unknown ids (hole #4)', () => {
  const startsOn = '2026-12-14';
  const moment = (contractId: string) => ({ contractId, location: 'Oss', startsOn, seats: 5, lessonDays: [1], minutesPerWeek: 600, daypart: 'DAYTIME' as const });

  it("declaring a start moment on another provider's contract", async () => {
    const sagennContract = await contractIdOf(pg, 'B1-route Liemerse kavel', 'Sagenn');
    const before = await count(pg, `SELECT count(*) FROM start_moment`);
    expectSameNotFound(
      await newBees.request(DeclareStartMomentDocument, { input: moment(sagennContract) }),
      await newBees.request(DeclareStartMomentDocument, { input: moment(randomUUID()) }),
    );
    expect(await count(pg, `SELECT count(*) FROM start_moment`)).toBe(before);
  });

  it("changing another provider's start moment", async () => {
    const [foreign] = (await pg.query(
      `SELECT sm.id, sm.seats FROM start_moment sm JOIN contract c ON c.id = sm.contract_id JOIN organisation p ON p.id = c.provider_id WHERE p.name = 'Sagenn' LIMIT 1`,
    )).rows;
    expectSameNotFound(
      await newBees.request(UpdateStartMomentDocument, { input: { startMomentId: foreign.id, seats: 99 } }),
      await newBees.request(UpdateStartMomentDocument, { input: { startMomentId: randomUUID(), seats: 99 } }),
    );
    expect((await pg.query(`SELECT seats FROM start_moment WHERE id = $1`, [foreign.id])).rows[0].seats).toBe(foreign.seats);
  });

  it("reading and changing another region's contract, and a lot (a malformed id is refused as bad input)", async () => {
    const contractId = await contractIdOf(pg, 'B1-route Liemerse kavel', 'Sagenn');
    const unknownContract = await brabant.request(ContractDocument, { id: randomUUID() });
    expectSameNotFound(await brabant.request(ContractDocument, { id: contractId }), unknownContract);
    expectSameNotFound(await newBees.request(ContractDocument, { id: contractId }), await newBees.request(ContractDocument, { id: randomUUID() }));
    expectMalformedIdRefused(await brabant.request(ContractDocument, { id: 'geen-uuid' }));
    const update = (id: string) => ({ input: { contractId: id, expectedVersion: 1, ceilingCents: 100, reason: 'Poging' } });
    expectSameNotFound(await brabant.request(UpdateContractDocument, update(contractId)), await brabant.request(UpdateContractDocument, update(randomUUID())));
    const lotId = await lotIdByName(pg, 'B1-route Liemerse kavel');
    const unknownLot = await brabant.request(LotDocument, { id: randomUUID() });
    expectSameNotFound(await brabant.request(LotDocument, { id: lotId }), unknownLot);
    expectMalformedIdRefused(await brabant.request(LotDocument, { id: 'geen-uuid' }));
    const leijgraaf: string = (await providerRow('ROC De Leijgraaf')).id;
    const award = (id: string) => ({ input: { lotId: id, providerId: leijgraaf, status: 'DRAFT' as const, startDate: '2026-01-01', endDate: '2026-12-31' } });
    expectSameNotFound(
      await midden.request(CreateContractDocument, award(await lotIdByName(pg, 'Z-route Noordoost-Brabant'))),
      await midden.request(CreateContractDocument, award(randomUUID())),
    );
  });

  it('quality requirements and evidence of another region or provider', async () => {
    const contractId = await contractIdOf(pg, 'B1-route Liemerse kavel', 'Sagenn');
    const requirement = (id: string) => ({ input: { contractId: id, type: 'CUSTOM' as const, title: 'Extra', norm: 'Iets', period: 'ONCE' as const, firstDueOn: '2026-06-30' } });
    expectSameNotFound(await brabant.request(AddQualityRequirementDocument, requirement(contractId)), await brabant.request(AddQualityRequirementDocument, requirement(randomUUID())));
    const [req] = (await pg.query(`SELECT id, first_due_on::text AS due FROM quality_requirement WHERE contract_id = $1 LIMIT 1`, [contractId])).rows;
    const submit = (id: string) => ({ input: { requirementId: id, dueOn: req.due, value: 'ja', idempotencyKey: randomUUID() } });
    expectSameNotFound(await newBees.request(SubmitQualityEvidenceDocument, submit(req.id)), await newBees.request(SubmitQualityEvidenceDocument, submit(randomUUID())));
    const [evidence] = (await pg.query(`SELECT id FROM quality_evidence LIMIT 1`)).rows;
    if (evidence) {
      const review = (id: string) => ({ input: { evidenceId: id, decision: 'ACCEPTED' as const } });
      expectSameNotFound(await brabant.request(ReviewQualityEvidenceDocument, review(evidence.id)), await brabant.request(ReviewQualityEvidenceDocument, review(randomUUID())));
    }
  });

  it("downloading another organisation's document answers like an unknown or malformed id", async () => {
    const upload = await uploadDocument(platform.url, sagenn, 'vog.pdf', PDF_BYTES);
    expect(upload.status).toBe(201);
    const get = async (session: GraphqlSession, id: string) => {
      const response = await fetch(`${platform.url}/documents/${id}`, { headers: { cookie: session.lastSetCookie!.split(';')[0] } });
      return { status: response.status, body: await response.text() };
    };
    const unknown = await get(newBees, randomUUID());
    expect(unknown.status).toBe(404);
    expect(await get(newBees, upload.body.id!)).toEqual(unknown);
    expect(await get(brabant, upload.body.id!)).toEqual(await get(brabant, randomUUID()));
    expect(await get(newBees, 'geen-uuid')).toEqual(unknown);
    expect((await get(sagenn, upload.body.id!)).status).toBe(200);
  });
});
