import { calendarDateInAmsterdam } from '@inburgering/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth';
import { BsnCrypto } from '../common';
import { DEMO_PASSWORD, DEMO_PROVIDERS, DEMO_REGIONS, demoContractPeriod } from './demo-regions';
import { seedHours } from './seed-hours';
import { seedPlacements } from './seed-placements';
import { seedProcurement } from './seed-procurement';
import { syntheticClients } from './synthetic-clients';

export interface DemoAccount {
  email: string;
  role: string;
  organisation: string;
}

const slug = (name: string) => name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The demo accounts, derived from the demo regions, so the start script and the docs list the same ones. */
export function demoAccounts(): (DemoAccount & { organisationKey: string; displayName: string })[] {
  const accounts: (DemoAccount & { organisationKey: string; displayName: string })[] = [];
  for (const region of DEMO_REGIONS) {
    accounts.push({ email: `projectleider@${region.key}.demo.nl`, role: 'PROJECTLEIDER', organisation: region.name, organisationKey: `region:${region.key}`, displayName: `Projectleider ${region.name}` });
    accounts.push({ email: `beheer@${region.key}.demo.nl`, role: 'ADMIN', organisation: region.name, organisationKey: `region:${region.key}`, displayName: `Functioneel beheerder ${region.name}` });
    for (const municipality of region.municipalities) {
      accounts.push({ email: `consulent@${slug(municipality.name)}.demo.nl`, role: 'CONSULTANT', organisation: `Gemeente ${municipality.name}`, organisationKey: `municipality:${municipality.cbsCode}`, displayName: `Consulent ${municipality.name}` });
    }
  }
  for (const provider of DEMO_PROVIDERS) {
    accounts.push({ email: `aanbieder@${provider.key}.demo.nl`, role: 'PROVIDER_USER', organisation: provider.name, organisationKey: `provider:${provider.key}`, displayName: `Medewerker ${provider.name}` });
  }
  return accounts;
}

async function insertOrganisation(manager: EntityManager, values: { kind: string; name: string; regionId?: string; cbsCode?: string; kvkNumber?: string; providerKind?: string }): Promise<string> {
  const [{ id }] = await manager.query(
    `INSERT INTO organisation (kind, name, region_id, cbs_code, kvk_number, provider_kind) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [values.kind, values.name, values.regionId ?? null, values.cbsCode ?? null, values.kvkNumber ?? null, values.providerKind ?? null],
  );
  return id;
}

/** Loads the reference regions, providers, lots, demo users and a few hundred synthetic clients, in one transaction. */
export async function seedDemoData(db: DataSource, bsnKey: Buffer, today = calendarDateInAmsterdam(new Date())): Promise<string> {
  const crypto = new BsnCrypto(bsnKey);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (manager) => {
    const orgIds = new Map<string, string>();
    for (const provider of DEMO_PROVIDERS) {
      orgIds.set(`provider:${provider.key}`, await insertOrganisation(manager, { kind: 'PROVIDER', name: provider.name, kvkNumber: provider.kvkNumber, providerKind: provider.kind }));
    }
    const period = demoContractPeriod(today);
    let lots = 0;
    let clients = 0;
    for (const [regionIndex, region] of DEMO_REGIONS.entries()) {
      const regionId = await insertOrganisation(manager, { kind: 'REGION', name: region.name });
      orgIds.set(`region:${region.key}`, regionId);
      for (const municipality of region.municipalities) {
        orgIds.set(`municipality:${municipality.cbsCode}`, await insertOrganisation(manager, { kind: 'MUNICIPALITY', name: `Gemeente ${municipality.name}`, regionId, cbsCode: municipality.cbsCode }));
      }
      const municipalityId = (cbs: string) => orgIds.get(`municipality:${cbs}`)!;
      for (const subRegion of region.subRegions) {
        const [{ id }] = await manager.query(`INSERT INTO sub_region (region_id, name) VALUES ($1, $2) RETURNING id`, [regionId, subRegion.name]);
        await manager.query(`INSERT INTO sub_region_municipality (sub_region_id, municipality_id) SELECT $1, unnest($2::uuid[])`, [id, subRegion.municipalities.map(municipalityId)]);
      }
      for (const lot of region.lots) {
        const covered = lot.municipalities === 'ALL' ? region.municipalities.map((m) => m.cbsCode) : lot.municipalities;
        const [{ id }] = await manager.query(
          `INSERT INTO lot (region_id, name, subject, period_start, period_end, expected_volume_per_year) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [regionId, lot.name, lot.subject, period.start, period.end, lot.expectedVolumePerYear],
        );
        await manager.query(`INSERT INTO lot_municipality (lot_id, municipality_id) SELECT $1, unnest($2::uuid[])`, [id, covered.map(municipalityId)]);
        await manager.query(
          `INSERT INTO contract (lot_id, provider_id, status, starts_on, ends_on) SELECT $1, unnest($2::uuid[]), 'ACTIVE', $3, $4`,
          [id, lot.providers.map((key) => orgIds.get(`provider:${key}`)!), period.start, period.end],
        );
        lots += 1;
      }
      for (const [municipalityIndex, municipality] of region.municipalities.entries()) {
        const people = syntheticClients(municipality.demoClients, (regionIndex + 1) * 100 + municipalityIndex + 1, today);
        const id = municipalityId(municipality.cbsCode);
        // One set-based insert per municipality.
        await manager.query(
          `INSERT INTO client (municipality_id, client_number, bsn_encrypted, bsn_hash, first_name, last_name, date_of_birth, target_group, brp_registration_date, pip_signed_on, route, level)
           SELECT $1, 1000 + n, bsn_encrypted, bsn_hash, first_name, last_name, dob, tg, brp, pip, route, level
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::date[], $9::date[], $10::text[], $11::text[])
                  WITH ORDINALITY AS t(bsn_encrypted, bsn_hash, first_name, last_name, dob, tg, brp, pip, route, level, n)`,
          [id, people.map((p) => crypto.encrypt(p.bsn)), people.map((p) => crypto.hash(id, p.bsn)), people.map((p) => p.firstName), people.map((p) => p.lastName),
            people.map((p) => p.dateOfBirth), people.map((p) => p.targetGroup), people.map((p) => p.brpRegistrationDate), people.map((p) => p.pipSignedOn),
            people.map((p) => p.route), people.map((p) => p.level)],
        );
        clients += people.length;
      }
    }
    const procurement = await seedProcurement(manager, orgIds, today);
    await seedPlacements(manager, today);
    await seedHours(manager, today);
    const accounts = demoAccounts();
    await manager.query(
      `INSERT INTO app_user (email, display_name, password_hash, role, organisation_id)
       SELECT email, name, $1, role, org FROM unnest($2::text[], $3::text[], $4::text[], $5::uuid[]) AS t(email, name, role, org)`,
      [passwordHash, accounts.map((a) => a.email), accounts.map((a) => a.displayName), accounts.map((a) => a.role), accounts.map((a) => orgIds.get(a.organisationKey)!)],
    );
    return `${DEMO_REGIONS.length} regio's, ${DEMO_PROVIDERS.length} aanbieders, ${lots} percelen, ${procurement.startMoments} instroommomenten, ${procurement.requirements} kwaliteitseisen, ${accounts.length} gebruikers, ${clients} inburgeraars`;
  });
}
