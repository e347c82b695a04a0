import { calendarDateInAmsterdam, type UserRoleName } from '@inburgering/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth';
import { BsnCrypto } from '../common';
import { AppUserEntity, ClientEntity, ClientNumberCounterEntity, ContractEntity, LotEntity, LotMunicipalityEntity, OrganisationEntity, SubRegionEntity, SubRegionMunicipalityEntity } from '../database';
import { DEMO_PASSWORD, DEMO_PROVIDERS, DEMO_REGIONS, demoContractPeriod } from './demo-regions';
import { seedDuo } from './seed-duo';
import { seedHours } from './seed-hours';
import { seedHistory } from './seed-history';
import { firstInvoiceMonth, seedInvoices } from './seed-invoices';
import { seedIndividualPlacements } from './seed-individual-placements';
import { seedInstroomklas } from './seed-instroomklas';
import { seedMapCafeteria } from './seed-map-cafeteria';
import { seedModulePlacements } from './seed-module-placements';
import { seedPlacements } from './seed-placements';
import { seedPresence } from './seed-presence';
import { seedProcurement } from './seed-procurement';
import { DEMO_SHARED_SERVICE, seedPlanning, seedSharedService } from './seed-shared-service';
import { syntheticClients } from './synthetic-clients';

export interface DemoAccount {
  email: string;
  role: UserRoleName;
  organisation: string;
}

const slug = (name: string) => name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The demo provider whose staff account also manages the provider's own users (issue 14). */
export const DEMO_PROVIDER_ADMIN = 'aanbieder@newbees.demo.nl';

/** The demo accounts, derived from the demo regions, so the start script and the docs list the same ones. */
export function demoAccounts(): (DemoAccount & { organisationKey: string; displayName: string })[] {
  const accounts: (DemoAccount & { organisationKey: string; displayName: string })[] = [];
  for (const region of DEMO_REGIONS) {
    accounts.push({ email: `projectleider@${region.key}.demo.nl`, role: 'PROJECTLEIDER', organisation: region.name, organisationKey: `region:${region.key}`, displayName: `Projectleider ${region.name}` });
    accounts.push({ email: `beheer@${region.key}.demo.nl`, role: 'ADMIN', organisation: region.name, organisationKey: `region:${region.key}`, displayName: `Functioneel beheerder ${region.name}` });
    for (const municipality of region.municipalities) {
      accounts.push({ email: `consulent@${slug(municipality.name)}.demo.nl`, role: 'CONSULTANT', organisation: `Gemeente ${municipality.name}`, organisationKey: `municipality:${municipality.cbsCode}`, displayName: `Consulent ${municipality.name}` });
      accounts.push({ email: `financien@${slug(municipality.name)}.demo.nl`, role: 'FINANCIAL_OFFICER', organisation: `Gemeente ${municipality.name}`, organisationKey: `municipality:${municipality.cbsCode}`, displayName: `Financieel medewerker ${municipality.name}` });
    }
  }
  for (const provider of DEMO_PROVIDERS) {
    accounts.push({ email: `aanbieder@${provider.key}.demo.nl`, role: 'PROVIDER_USER', organisation: provider.name, organisationKey: `provider:${provider.key}`, displayName: `Medewerker ${provider.name}` });
    if (provider.noTeachers) continue;
    accounts.push({ email: `docent@${provider.key}.demo.nl`, role: 'TEACHER', organisation: provider.name, organisationKey: `provider:${provider.key}`, displayName: `Docent ${provider.name}` });
  }
  // The consultant of the shared service of Leidschendam-Voorburg, Voorschoten and Wassenaar.
  accounts.push({ email: DEMO_SHARED_SERVICE.consultantEmail, role: 'CONSULTANT', organisation: DEMO_SHARED_SERVICE.name, organisationKey: `shared-service:${DEMO_SHARED_SERVICE.key}`, displayName: 'Consulent Uitvoeringsdienst LVW' });
  // A second New Bees teacher, so the demo (and the tests) show that a teacher sees only their own groups.
  for (const provider of DEMO_PROVIDERS.filter((p) => p.key === 'newbees')) {
    accounts.push({ email: `docent2@${provider.key}.demo.nl`, role: 'TEACHER', organisation: provider.name, organisationKey: `provider:${provider.key}`, displayName: `Tweede docent ${provider.name}` });
  }
  return accounts;
}

/** Inserts organisations in one statement and hands back the rows with their generated ids, in input order. */
async function insertOrganisations(manager: EntityManager, values: Partial<OrganisationEntity>[]): Promise<OrganisationEntity[]> {
  const repository = manager.getRepository(OrganisationEntity);
  return repository.save(repository.create(values));
}

/** Loads the reference regions, providers, lots, demo users and a few hundred synthetic clients, in one transaction. */
export async function seedDemoData(db: DataSource, bsnKey: Buffer, today = calendarDateInAmsterdam(new Date())): Promise<string> {
  const crypto = new BsnCrypto(bsnKey);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (manager) => {
    const orgIds = new Map<string, string>();
    const providers = await insertOrganisations(
      manager,
      DEMO_PROVIDERS.map((provider) => ({ kind: 'PROVIDER', name: provider.name, kvkNumber: provider.kvkNumber, providerKind: provider.kind })),
    );
    for (const [index, provider] of DEMO_PROVIDERS.entries()) orgIds.set(`provider:${provider.key}`, providers[index].id);
    const period = demoContractPeriod(today);
    let lots = 0;
    let clients = 0;
    for (const [regionIndex, region] of DEMO_REGIONS.entries()) {
      const [{ id: regionId }] = await insertOrganisations(manager, [{ kind: 'REGION', name: region.name }]);
      orgIds.set(`region:${region.key}`, regionId);
      const municipalities = await insertOrganisations(
        manager,
        region.municipalities.map((municipality) => ({ kind: 'MUNICIPALITY', name: `Gemeente ${municipality.name}`, regionId, cbsCode: municipality.cbsCode })),
      );
      for (const [index, municipality] of region.municipalities.entries()) orgIds.set(`municipality:${municipality.cbsCode}`, municipalities[index].id);
      const municipalityId = (cbs: string) => orgIds.get(`municipality:${cbs}`)!;
      for (const subRegion of region.subRegions) {
        const { id } = await manager.getRepository(SubRegionEntity).save(manager.create(SubRegionEntity, { regionId, name: subRegion.name }));
        await manager.getRepository(SubRegionMunicipalityEntity).insert(subRegion.municipalities.map((cbs) => ({ subRegionId: id, municipalityId: municipalityId(cbs) })));
      }
      for (const lot of region.lots) {
        const covered = lot.municipalities === 'ALL' ? region.municipalities.map((m) => m.cbsCode) : lot.municipalities;
        const { id } = await manager.getRepository(LotEntity).save(
          manager.create(LotEntity, { regionId, name: lot.name, subject: lot.subject, periodStart: period.start, periodEnd: period.end, expectedVolumePerYear: lot.expectedVolumePerYear, minAge: lot.minAge ?? null, maxAge: lot.maxAge ?? null }),
        );
        await manager.getRepository(LotMunicipalityEntity).insert(covered.map((cbs) => ({ lotId: id, municipalityId: municipalityId(cbs) })));
        await manager.getRepository(ContractEntity).insert(
          lot.providers.map((key) => ({ lotId: id, providerId: orgIds.get(`provider:${key}`)!, status: 'ACTIVE' as const, startsOn: period.start, endsOn: period.end })),
        );
        lots += 1;
      }
      for (const [municipalityIndex, municipality] of region.municipalities.entries()) {
        const people = syntheticClients(municipality.demoClients, (regionIndex + 1) * 100 + municipalityIndex + 1, today);
        const id = municipalityId(municipality.cbsCode);
        // One set-based insert per municipality; client numbers run from 1001 in the order of the synthetic list.
        if (people.length > 0) {
          await manager
            .createQueryBuilder()
            .insert()
            .into(ClientEntity)
            .values(
              people.map((p, index) => ({
                municipalityId: id,
                clientNumber: 1001 + index,
                bsnEncrypted: crypto.encrypt(p.bsn),
                bsnHash: crypto.hash(id, p.bsn),
                firstName: p.firstName,
                lastName: p.lastName,
                dateOfBirth: p.dateOfBirth,
                targetGroup: p.targetGroup,
                brpRegistrationDate: p.brpRegistrationDate,
                pipSignedOn: p.pipSignedOn,
                // The first PIP starts a status holder's term and the KPI cohorts (as registering a client sets it).
                firstPipSignedOn: p.pipSignedOn,
                route: p.route,
                level: p.level,
              })),
            )
            .execute();
        }
        // The municipality's number counter starts after the seeded clients, so a new registration never reuses one.
        await manager.getRepository(ClientNumberCounterEntity).insert({ municipalityId: id, lastNumber: 1000 + people.length });
        clients += people.length;
      }
    }
    await seedSharedService(manager, orgIds);
    await seedPlanning(manager, orgIds, today);
    const procurement = await seedProcurement(manager, orgIds, today);
    await seedPlacements(manager, today);
    await seedHours(manager, today);
    // After the hours: the demo's weekly language hours are for the route placements only.
    await seedModulePlacements(manager, today);
    // Kerkrade's Onderwijsroute clients, placed individually outside a lot.
    await seedIndividualPlacements(manager, today);
    // Oss: clients in the instroomklas with its own hours, and one who went from the instroomklas to the Z-route.
    await seedInstroomklas(manager, today);
    // A year of history for the figures, with new clients, before the invoices: its months are invoiced first.
    const history = await seedHistory(manager, crypto, today, firstInvoiceMonth(today));
    const invoices = await seedInvoices(manager, today);
    const accounts = demoAccounts();
    await manager
      .createQueryBuilder()
      .insert()
      .into(AppUserEntity)
      .values(accounts.map((a) => ({ email: a.email, displayName: a.displayName, passwordHash, role: a.role, organisationId: orgIds.get(a.organisationKey)!, managesOwnUsers: a.email === DEMO_PROVIDER_ADMIN })))
      .execute();
    await seedPresence(manager, today);
    await seedDuo(manager, today);
    // Kerkrade's MAP parts with the WSP Parkstad (cafetariamodel), after the users: the consultant recorded the choices.
    await seedMapCafeteria(manager, today);
    return `${DEMO_REGIONS.length} regio's, ${DEMO_PROVIDERS.length} aanbieders, ${lots} percelen, ${procurement.startMoments} instroommomenten, ${procurement.requirements} kwaliteitseisen, ${accounts.length} gebruikers, ${clients + history.clients} inburgeraars, ${invoices} facturen`;
  });
}
