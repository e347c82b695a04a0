import { addDays, type CalendarDate, type PriceModel } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { ContractEntity, ContractVersionEntity, LotEntity, OrganisationEntity, QualityRequirementEntity, StartMomentEntity, SubRegionEntity } from '../database';
import { DEMO_PROVIDERS, DEMO_REGIONS, demoContractPeriod, type DemoLot } from './demo-regions';

// Prices are illustrative, not taken from a real tender.
const PRICE_MODELS: Record<DemoLot['subject'], PriceModel> = {
  B1: { kind: 'FIXED_PER_TRAJECTORY', priceCents: 1_050_000, milestones: [{ name: 'Start', percentage: 40 }, { name: 'Halverwege', percentage: 30 }, { name: 'Afronding', percentage: 30 }] },
  Z: { kind: 'FIXED_PER_TRAJECTORY', priceCents: 850_000, milestones: [{ name: 'Start', percentage: 40 }, { name: 'Halverwege', percentage: 30 }, { name: 'Afronding', percentage: 30 }] },
  ONDERWIJS: { kind: 'FIXED_PER_TRAJECTORY', priceCents: 1_400_000, milestones: [{ name: 'Start', percentage: 50 }, { name: 'Afronding', percentage: 50 }] },
  MAP: { kind: 'PER_MODULE', pricePerModuleCents: 180_000 },
  PVT: { kind: 'PER_MODULE', pricePerModuleCents: 45_000 },
  KNM: { kind: 'PER_HOUR', hourlyRateCents: 6_500 },
};

const MINUTES_PER_WEEK: Record<DemoLot['subject'], number> = { B1: 720, Z: 600, ONDERWIJS: 1_200, MAP: 240, PVT: 180, KNM: 120 };

const REQUIREMENTS = [
  { type: 'KEURMERK_VALID', title: 'Geldig keurmerk Blik op Werk', norm: 'Keurmerk Inburgeren geldig gedurende de hele looptijd', normValue: null, period: 'YEARLY' },
  { type: 'VOG_ALL_STAFF', title: 'VOG voor alle medewerkers', norm: 'Alle medewerkers met klantcontact hebben een VOG', normValue: null, period: 'YEARLY' },
  { type: 'NT2_QUALIFIED_SHARE', title: 'NT2-bevoegde docenten', norm: 'Minimaal 80% van de docenten is NT2-bevoegd', normValue: '80', period: 'QUARTERLY' },
  { type: 'CLIENT_SATISFACTION', title: 'Klanttevredenheid', norm: 'Gemiddeld rapportcijfer minimaal 7,5', normValue: '7.5', period: 'YEARLY' },
  { type: 'QUARTERLY_REPORT', title: 'Kwartaalrapportage', norm: 'Kwartaalrapportage binnen 4 weken na het kwartaal', normValue: null, period: 'QUARTERLY' },
] as const;

/** The first end of a quarter on or after `today`, as the due date of quarterly evidence. */
function nextQuarterEnd(today: CalendarDate): CalendarDate {
  const [year, month] = today.split('-').map(Number);
  const quarterEndMonth = Math.ceil(month / 3) * 3;
  const lastDay = new Date(Date.UTC(year, quarterEndMonth, 0)).getUTCDate();
  return `${year}-${String(quarterEndMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

/** Keurmerken, price models, contract history, start moments and quality requirements for the demo lots. */
export async function seedProcurement(manager: EntityManager, orgIds: Map<string, string>, today: CalendarDate): Promise<{ startMoments: number; requirements: number }> {
  const organisations = manager.getRepository(OrganisationEntity);
  for (const provider of DEMO_PROVIDERS) {
    await organisations.update(orgIds.get(`provider:${provider.key}`)!, {
      keurmerkNumber: provider.keurmerkValidDays ? `BoW-INB-${provider.kvkNumber.slice(-4)}` : null,
      keurmerkValidUntil: provider.keurmerkValidDays ? addDays(today, provider.keurmerkValidDays) : null,
      isTaalschakelInstitution: provider.taalschakel ?? false,
      duoInstitutionNumber: provider.kind === 'OTHER_PARTNER' ? null : `${provider.kvkNumber}${provider.key.slice(0, 2).toUpperCase()}`,
    });
  }
  const period = demoContractPeriod(today);
  const versions: Pick<ContractVersionEntity, 'contractId' | 'version' | 'changedByUserId' | 'changes' | 'reason'>[] = [];
  const startMoments: Pick<StartMomentEntity, 'contractId' | 'location' | 'startsOn' | 'seats' | 'lessonDays' | 'minutesPerWeek' | 'daypart'>[] = [];
  const requirements: Pick<QualityRequirementEntity, 'contractId' | 'type' | 'title' | 'norm' | 'normValue' | 'period' | 'firstDueOn'>[] = [];
  for (const region of DEMO_REGIONS) {
    const regionId = orgIds.get(`region:${region.key}`)!;
    for (const lot of region.lots) {
      const { id: lotId } = await manager.getRepository(LotEntity).findOneOrFail({ select: { id: true }, where: { regionId, name: lot.name } });
      const subRegion = region.subRegions.find((sr) => Array.isArray(lot.municipalities) && sr.municipalities.length === lot.municipalities.length && sr.municipalities.every((m) => lot.municipalities.includes(m)));
      const subRegionRow = subRegion ? await manager.getRepository(SubRegionEntity).findOne({ select: { id: true }, where: { regionId, name: subRegion.name } }) : null;
      const price = PRICE_MODELS[lot.subject];
      await manager.getRepository(LotEntity).update(lotId, {
        coverage: lot.municipalities === 'ALL' ? 'ALL' : subRegion ? 'SUB_REGION' : 'LIST',
        subRegionId: subRegionRow?.id ?? null,
        priceModel: { ...price },
        maxExtensionMonths: 24,
        extensionOptions: '2 x 12 maanden',
      });
      const perTrajectory = price.kind === 'FIXED_PER_TRAJECTORY' ? price.priceCents : price.kind === 'PER_MODULE' ? price.pricePerModuleCents : price.hourlyRateCents * 100;
      const contracts = await manager.getRepository(ContractEntity).find({ select: { id: true, providerId: true }, where: { lotId } });
      for (const contract of contracts) {
        const ceilingCents = Math.round((perTrajectory * lot.expectedVolumePerYear * 3) / contracts.length);
        await manager.getRepository(ContractEntity).update(contract.id, { ceilingCents: String(ceilingCents) });
        versions.push({
          contractId: contract.id,
          version: 1,
          changedByUserId: null,
          changes: { status: { from: null, to: 'ACTIVE' }, startsOn: { from: null, to: period.start }, endsOn: { from: null, to: period.end }, ceilingCents: { from: null, to: ceilingCents } },
          reason: 'Gunning',
        });
        const provider = DEMO_PROVIDERS.find((p) => orgIds.get(`provider:${p.key}`) === contract.providerId)!;
        const location = provider.locations?.[region.key] ?? region.municipalities[0].name;
        const minutes = MINUTES_PER_WEEK[lot.subject];
        const moments = [
          { startsOn: addDays(today, -42), seats: 12, days: [1, 3], daypart: 'DAYTIME' },
          { startsOn: addDays(today, 21), seats: 14, days: [2, 4], daypart: 'DAYTIME' },
          { startsOn: addDays(today, 77), seats: 10, days: [1, 3], daypart: 'EVENING' },
        ];
        for (const moment of moments) {
          startMoments.push({ contractId: contract.id, location, startsOn: moment.startsOn, seats: moment.seats, lessonDays: moment.days, minutesPerWeek: minutes, daypart: moment.daypart });
        }
        const applicable = REQUIREMENTS.filter((r) => r.type !== 'KEURMERK_VALID' || provider.keurmerkValidDays);
        for (const requirement of applicable) {
          requirements.push({
            contractId: contract.id,
            type: requirement.type,
            title: requirement.title,
            norm: requirement.norm,
            normValue: requirement.normValue,
            period: requirement.period,
            firstDueOn: requirement.period === 'QUARTERLY' ? nextQuarterEnd(addDays(today, -92)) : addDays(today, 30),
          });
        }
      }
    }
  }
  // Set-based: one multi-row insert per table for all demo contracts.
  await manager.getRepository(ContractVersionEntity).save(manager.create(ContractVersionEntity, versions));
  await manager.getRepository(StartMomentEntity).save(manager.create(StartMomentEntity, startMoments));
  await manager.getRepository(QualityRequirementEntity).save(manager.create(QualityRequirementEntity, requirements));
  return { startMoments: startMoments.length, requirements: requirements.length };
}
