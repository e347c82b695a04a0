import {
  ContractDocument, ContractsDocument, CreateContractDocument, CreateLotDocument, LotDetailsDocument, RegionSetupDocument, UpdateContractDocument,
  type CreateLotInput,
} from '@inburgering/contracts';
import { addMonths, calendarDateInAmsterdam, formatDateNl } from '@inburgering/domain';
import { Client } from 'pg';
import { demoContractPeriod } from '../../apps/api/src/seed/demo-regions';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { contractIdOf, count, lotIdByName } from '../support/procurement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let projectleider: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  projectleider = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const fixedPrice = (percentages: number[]) => ({
  kind: 'FIXED_PER_TRAJECTORY' as const,
  priceCents: 1_000_000,
  milestones: percentages.map((percentage, i) => ({ name: ['Start', 'Halverwege', 'Afronding', 'Extra'][i], percentage })),
});

const newLot = (change: Partial<CreateLotInput> = {}): CreateLotInput => ({
  name: 'KNM-module Midden-Gelderland',
  subject: 'KNM',
  periodStart: '2026-01-01',
  periodEnd: '2028-12-31',
  expectedVolumePerYear: 120,
  maxExtensionMonths: 12,
  extensionOptions: '1 x 12 maanden',
  coverage: 'ALL',
  municipalityIds: [],
  priceModel: fixedPrice([40, 30, 30]),
  ...change,
});

describe('the Midden-Gelderland demo region', () => {
  it('holds its lots as described: B1 with two providers, the Liemerse kavel, Z, Onderwijsroute and PVT with a non-language partner', async () => {
    const { lots } = await projectleider.ok(LotDetailsDocument);
    const byName = new Map(lots.map((lot) => [lot.name, lot]));
    expect(byName.get('B1-route Midden-Gelderland')?.providers.map((p) => p.name)).toEqual(['New Bees', 'Sagenn']);
    const liemers = byName.get('B1-route Liemerse kavel')!;
    expect(liemers.coverage).toBe('SUB_REGION');
    expect(liemers.municipalities.map((m) => m.name)).toEqual(['Gemeente Duiven', 'Gemeente Westervoort', 'Gemeente Zevenaar']);
    expect(byName.get('Z-route Midden-Gelderland')?.coverage).toBe('ALL');
    expect(byName.get('Onderwijsroute Midden-Gelderland')?.providers.map((p) => p.name)).toEqual(['HAN Hogeschool van Arnhem en Nijmegen']);
    const pvt = byName.get('Participatieverklaringstraject (PVT)')!;
    expect(pvt.providers.map((p) => p.name)).toEqual(['VluchtelingenWerk Oost Nederland']);
    expect(pvt.priceModel).toMatchObject({ kind: 'PER_MODULE', label: 'Prijs per module', pricePerModuleCents: 45_000 });
    expect(liemers.priceModel?.milestones.map((m) => m.percentage)).toEqual([40, 30, 30]);
  });

  it('shows the region set-up with its sub-region and the providers with their keurmerk status', async () => {
    const { regionSetup } = await projectleider.ok(RegionSetupDocument);
    expect(regionSetup.municipalities).toHaveLength(9);
    expect(regionSetup.subRegions.map((s) => [s.name, s.municipalities.length])).toEqual([['De Liemers', 3]]);
    const status = new Map(regionSetup.providers.map((p) => [p.name, p.keurmerkStatus]));
    expect(status.get('Sagenn')).toBe('EXPIRING');
    expect(status.get('New Bees')).toBe('VALID');
    expect(status.get('VluchtelingenWerk Oost Nederland')).toBe('NONE');
  });
});

describe('creating a lot', () => {
  it('creates a lot covering the whole region without touching the database by hand', async () => {
    const { createLot } = await projectleider.ok(CreateLotDocument, { input: newLot() });
    expect(createLot).toMatchObject({ name: 'KNM-module Midden-Gelderland', subject: 'KNM', coverage: 'ALL', maxExtensionMonths: 12 });
    expect(createLot.municipalities).toHaveLength(9);
    expect(createLot.priceModel?.milestones.map((m) => m.amountCents)).toEqual([400_000, 300_000, 300_000]);
  });

  it('creates a lot for the Liemers sub-region', async () => {
    const { regionSetup } = await projectleider.ok(RegionSetupDocument);
    const liemers = regionSetup.subRegions[0];
    const { createLot } = await projectleider.ok(CreateLotDocument, {
      input: newLot({ name: 'Z-route Liemers 2026', subject: 'Z', coverage: 'SUB_REGION', subRegionId: liemers.id }),
    });
    expect(createLot.municipalities.map((m) => m.name)).toEqual(['Gemeente Duiven', 'Gemeente Westervoort', 'Gemeente Zevenaar']);
  });

  it.each([
    ['milestones adding up to 90%', { priceModel: fixedPrice([40, 30, 20]) }, 'priceModel.milestones', 'De betaalmomenten tellen op tot 90%; dat moet precies 100% zijn.'],
    ['an end before the start', { periodEnd: '2025-12-31' }, 'periodEnd', 'De einddatum van het perceel (31-12-2025) moet na de begindatum (1-1-2026) liggen.'],
    ['a list without municipalities', { coverage: 'LIST' as const }, 'municipalityIds', 'Kies ten minste één gemeente voor dit perceel.'],
  ])('refuses %s with a clear Dutch message and stores nothing', async (_label, change, field, message) => {
    const before = await count(pg, `SELECT count(*) FROM lot`);
    const result = await projectleider.request(CreateLotDocument, { input: newLot({ name: `Fout ${field}`, ...change }) });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toContainEqual(expect.objectContaining({ field, message }));
    expect(await count(pg, `SELECT count(*) FROM lot`)).toBe(before);
  });

  it('refuses a municipality of another region', async () => {
    const oss = (await pg.query(`SELECT id FROM organisation WHERE cbs_code = 'GM0828'`)).rows[0].id;
    const arnhem = (await pg.query(`SELECT id FROM organisation WHERE cbs_code = 'GM0202'`)).rows[0].id;
    const result = await projectleider.request(CreateLotDocument, { input: newLot({ name: 'Met Oss', coverage: 'LIST', municipalityIds: [arnhem, oss] }) });
    expect(result.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'municipalityIds.1', message: expect.stringContaining('hoort niet bij de regio van het perceel') }),
    ]);
  });

  it('is refused to a provider and a consultant', async () => {
    for (const email of ['aanbieder@newbees.demo.nl', 'consulent@arnhem.demo.nl']) {
      const session = await loginAs(platform.url, email);
      const result = await session.request(CreateLotDocument, { input: newLot({ name: 'Niet toegestaan' }) });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('contracts', () => {
  const providerId = async (name: string) => (await pg.query(`SELECT id FROM organisation WHERE name = $1`, [name])).rows[0].id as string;

  it('awards a new lot to a provider, with the award as the first version of its history', async () => {
    const { createLot } = await projectleider.ok(CreateLotDocument, { input: newLot({ name: 'B1-route Midden-Gelderland 2026', subject: 'B1' }) });
    const { createContract } = await projectleider.ok(CreateContractDocument, {
      input: { lotId: createLot.id, providerId: await providerId('New Bees'), status: 'ACTIVE', startDate: '2026-01-01', endDate: '2027-12-31', ceilingCents: 250_000_000 },
    });
    expect(createContract).toMatchObject({ status: 'ACTIVE', statusLabel: 'Actief', providerName: 'New Bees', hasOwnPriceModel: false, ceilingCents: 250_000_000, version: 1 });
    const { contract } = await projectleider.ok(ContractDocument, { id: createContract.id });
    expect(contract.history).toHaveLength(1);
    expect(contract.history[0]).toMatchObject({ version: 1, reason: 'Gunning', changedBy: expect.any(String) });
    expect(contract.history[0].changes).toContainEqual({ field: 'ceilingCents', label: 'Plafond', from: null, to: '€\u00a02.500.000,00' });
  });

  it.each([
    ['a contract outside the lot period', { startDate: '2023-12-01' }, 'startDate', 'Het contract moet binnen de looptijd van het perceel vallen (1-1-2024 t/m 31-12-2027).'],
    ['milestones adding up to 90%', { priceModel: fixedPrice([50, 40]) }, 'priceModel.milestones', 'De betaalmomenten tellen op tot 90%; dat moet precies 100% zijn.'],
  ])('refuses %s and changes nothing', async (_label, change, field, message) => {
    const before = await count(pg, `SELECT count(*) FROM contract_version`);
    const result = await projectleider.request(CreateContractDocument, {
      input: { lotId: await lotIdByName(pg, 'Z-route Midden-Gelderland'), providerId: await providerId('Sagenn'), status: 'DRAFT', startDate: '2026-01-01', endDate: '2026-12-31', ...change },
    });
    expect(result.errors?.[0].extensions?.fields).toContainEqual(expect.objectContaining({ field, message }));
    expect(await count(pg, `SELECT count(*) FROM contract_version`)).toBe(before);
  });

  it('refuses an active B1 contract for a provider without a keurmerk, and an Onderwijsroute contract for a non-taalschakel institution', async () => {
    const b1 = await projectleider.request(CreateContractDocument, {
      input: { lotId: await lotIdByName(pg, 'B1-route Liemerse kavel'), providerId: await providerId('VluchtelingenWerk Oost Nederland'), status: 'ACTIVE', startDate: '2026-01-01', endDate: '2026-12-31' },
    });
    expect(b1.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'providerId', code: 'KEURMERK_MISSING' })]);
    const onderwijs = await projectleider.request(CreateContractDocument, {
      input: { lotId: await lotIdByName(pg, 'Onderwijsroute Midden-Gelderland'), providerId: await providerId('New Bees'), status: 'ACTIVE', startDate: '2026-01-01', endDate: '2026-12-31' },
    });
    expect(onderwijs.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'providerId', code: 'NOT_TAALSCHAKEL_INSTITUTION' })]);
  });

  it('versions a change to a running contract: who, what, when and why; a stale version is refused', async () => {
    const contractId = await contractIdOf(pg, 'B1-route Liemerse kavel', 'Sagenn');
    const seededEnd = demoContractPeriod(calendarDateInAmsterdam(new Date())).end;
    const extendedEnd = addMonths(seededEnd, 6);
    const { updateContract } = await projectleider.ok(UpdateContractDocument, {
      input: { contractId, expectedVersion: 1, status: 'EXTENDED', endDate: extendedEnd, reason: 'Eerste verlengingsoptie gebruikt' },
    });
    expect(updateContract).toMatchObject({ status: 'EXTENDED', endDate: extendedEnd, version: 2 });
    const { contract } = await projectleider.ok(ContractDocument, { id: contractId });
    expect(contract.history[0]).toMatchObject({ version: 2, reason: 'Eerste verlengingsoptie gebruikt' });
    expect(contract.history[0].changedBy).toBeTruthy();
    expect(contract.history[0].changes).toEqual([
      { field: 'status', label: 'Status', from: 'Actief', to: 'Verlengd' },
      { field: 'endsOn', label: 'Einddatum', from: formatDateNl(seededEnd), to: formatDateNl(extendedEnd) },
    ]);
    const stale = await projectleider.request(UpdateContractDocument, { input: { contractId, expectedVersion: 1, ceilingCents: 1_000, reason: 'Oude versie' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const backwards = await projectleider.request(UpdateContractDocument, { input: { contractId, expectedVersion: 2, status: 'DRAFT', reason: 'Terug naar concept' } });
    expect(backwards.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'status' });
    expect(await count(pg, `SELECT count(*) FROM contract_version WHERE contract_id = $1`, [contractId])).toBe(2);
  });
});

describe('who sees which contracts', () => {
  it('a provider sees only its own contracts', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
    const { contracts } = await provider.ok(ContractsDocument, {});
    expect(contracts.length).toBeGreaterThan(0);
    expect(new Set(contracts.map((c) => c.providerName))).toEqual(new Set(['Sagenn']));
    const other = await contractIdOf(pg, 'Z-route Midden-Gelderland', 'New Bees');
    expect((await provider.request(ContractDocument, { id: other })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a projectleider of another region sees nothing of this one', async () => {
    const brabant = await loginAs(platform.url, 'projectleider@noordoost-brabant.demo.nl');
    const { contracts } = await brabant.ok(ContractsDocument, {});
    expect(contracts.some((c) => c.regionName.includes('Midden-Gelderland'))).toBe(false);
    const { lots } = await brabant.ok(LotDetailsDocument);
    expect(lots.some((lot) => lot.name.includes('Midden-Gelderland') || lot.name.includes('Liemers'))).toBe(false);
    const contractId = await contractIdOf(pg, 'B1-route Midden-Gelderland', 'New Bees');
    expect((await brabant.request(ContractDocument, { id: contractId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const update = await brabant.request(UpdateContractDocument, { input: { contractId, expectedVersion: 1, ceilingCents: 1, reason: 'Niet van mij' } });
    expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
