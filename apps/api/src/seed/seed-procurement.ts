import { addDays, type CalendarDate, type PriceModel } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
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
  for (const provider of DEMO_PROVIDERS) {
    await manager.query(
      `UPDATE organisation SET keurmerk_number = $2, keurmerk_valid_until = $3, is_taalschakel_institution = $4, duo_institution_number = $5 WHERE id = $1`,
      [
        orgIds.get(`provider:${provider.key}`),
        provider.keurmerkValidDays ? `BoW-INB-${provider.kvkNumber.slice(-4)}` : null,
        provider.keurmerkValidDays ? addDays(today, provider.keurmerkValidDays) : null,
        provider.taalschakel ?? false,
        provider.kind === 'OTHER_PARTNER' ? null : `${provider.kvkNumber.slice(0, 2)}${provider.key.slice(0, 2).toUpperCase()}`,
      ],
    );
  }
  const period = demoContractPeriod(today);
  let startMoments = 0;
  let requirements = 0;
  for (const region of DEMO_REGIONS) {
    const regionId = orgIds.get(`region:${region.key}`)!;
    for (const lot of region.lots) {
      const [{ id: lotId }] = await manager.query(`SELECT id FROM lot WHERE region_id = $1 AND name = $2`, [regionId, lot.name]);
      const subRegion = region.subRegions.find((sr) => Array.isArray(lot.municipalities) && sr.municipalities.length === lot.municipalities.length && sr.municipalities.every((m) => lot.municipalities.includes(m)));
      const [subRegionRow] = subRegion ? await manager.query(`SELECT id FROM sub_region WHERE region_id = $1 AND name = $2`, [regionId, subRegion.name]) : [];
      const price = PRICE_MODELS[lot.subject];
      await manager.query(
        `UPDATE lot SET coverage = $2, sub_region_id = $3, price_model = $4, max_extension_months = 24, extension_options = '2 x 12 maanden' WHERE id = $1`,
        [lotId, lot.municipalities === 'ALL' ? 'ALL' : subRegion ? 'SUB_REGION' : 'LIST', subRegionRow?.id ?? null, JSON.stringify(price)],
      );
      const perTrajectory = price.kind === 'FIXED_PER_TRAJECTORY' ? price.priceCents : price.kind === 'PER_MODULE' ? price.pricePerModuleCents : price.hourlyRateCents * 100;
      const contracts: { id: string; provider_id: string }[] = await manager.query(`SELECT id, provider_id FROM contract WHERE lot_id = $1`, [lotId]);
      for (const contract of contracts) {
        const ceilingCents = Math.round((perTrajectory * lot.expectedVolumePerYear * 3) / contracts.length);
        await manager.query(`UPDATE contract SET ceiling_cents = $2 WHERE id = $1`, [contract.id, ceilingCents]);
        await manager.query(
          `INSERT INTO contract_version (contract_id, version, changed_by_user_id, changes, reason) VALUES ($1, 1, NULL, $2, 'Gunning')`,
          [contract.id, JSON.stringify({ status: { from: null, to: 'ACTIVE' }, startsOn: { from: null, to: period.start }, endsOn: { from: null, to: period.end }, ceilingCents: { from: null, to: ceilingCents } })],
        );
        const provider = DEMO_PROVIDERS.find((p) => orgIds.get(`provider:${p.key}`) === contract.provider_id)!;
        const location = provider.locations?.[region.key] ?? region.municipalities[0].name;
        const minutes = MINUTES_PER_WEEK[lot.subject];
        const moments = [
          { startsOn: addDays(today, -42), seats: 12, days: [1, 3], daypart: 'DAYTIME' },
          { startsOn: addDays(today, 21), seats: 14, days: [2, 4], daypart: 'DAYTIME' },
          { startsOn: addDays(today, 77), seats: 10, days: [1, 3], daypart: 'EVENING' },
        ];
        for (const moment of moments) {
          await manager.query(
            `INSERT INTO start_moment (contract_id, location, starts_on, seats, lesson_days, minutes_per_week, daypart) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [contract.id, location, moment.startsOn, moment.seats, moment.days, minutes, moment.daypart],
          );
          startMoments += 1;
        }
        const applicable = REQUIREMENTS.filter((r) => r.type !== 'KEURMERK_VALID' || provider.keurmerkValidDays);
        for (const requirement of applicable) {
          await manager.query(
            `INSERT INTO quality_requirement (contract_id, type, title, norm, norm_value, period, first_due_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [contract.id, requirement.type, requirement.title, requirement.norm, requirement.normValue, requirement.period,
              requirement.period === 'QUARTERLY' ? nextQuarterEnd(addDays(today, -92)) : addDays(today, 30)],
          );
          requirements += 1;
        }
      }
    }
  }
  return { startMoments, requirements };
}
