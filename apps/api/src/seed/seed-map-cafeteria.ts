import { addDays, type CalendarDate, type MapTheme } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { AppUserEntity, ClientEntity, MapPartChoiceEntity, MapPartEntity, OrganisationEntity } from '../database';

// Zuid-Limburg/Parkstad: the WSP Parkstad offers MAP parts cafeteria-style; Kerkrade's consultants pick parts per client
// (DOMAIN brief §8; beleidsplan Kerkrade §5.3.9 "op klantniveau op basis van het cafetariamodel"). Prices are made up.

const REGION = 'Arbeidsmarktregio Zuid-Limburg';
const WSP = 'WSP Parkstad';
const MUNICIPALITY = 'Gemeente Kerkrade';

const PARTS: { name: string; description: string; hours: number; priceEuros: number; themes: MapTheme[]; practical: boolean }[] = [
  {
    name: 'Oriëntatie op werk',
    description: 'Vier bijeenkomsten over beroepen en sectoren in Parkstad: wat past bij u, wat vragen werkgevers, en wat zijn uw kansen.',
    hours: 16, priceEuros: 480, themes: ['BEROEPENORIENTATIE', 'REALISTISCH_BEROEPSBEELD', 'BEROEPSKANSEN'], practical: false,
  },
  {
    name: 'Sollicitatietraining',
    description: 'Cv en motivatie opstellen, vacatures zoeken en een sollicitatiegesprek oefenen met een werkgever.',
    hours: 12, priceEuros: 390, themes: ['WERKNEMERSCOMPETENTIES', 'WERK_VINDEN'], practical: false,
  },
  {
    name: 'Werkervaringsplek',
    description: 'Tien weken een dag per week meewerken bij een werkgever in Parkstad, met een begeleider van het WSP.',
    hours: 80, priceEuros: 1250, themes: ['BEROEPSCOMPETENTIES_VERWERVEN', 'WERKCULTUUR', 'NETWERK_OPBOUWEN'], practical: true,
  },
  {
    name: 'Vrijwilligerswerk',
    description: 'Minstens 40 uur vrijwilligerswerk bij een organisatie in de wijk, bemiddeld en gevolgd door het WSP.',
    hours: 40, priceEuros: 350, themes: ['NETWERK_OPBOUWEN', 'WERKCULTUUR'], practical: true,
  },
  {
    name: 'Bedrijfsbezoeken',
    description: 'Twee bezoeken aan werkgevers in de regio, met voorbereiding en nabespreking.',
    hours: 8, priceEuros: 240, themes: ['BEROEPENORIENTATIE', 'BEROEPSKANSEN'], practical: false,
  },
];

/** Which parts each demo client chose (by index into PARTS) and which of them the WSP marked completed. */
const CHOICES: { parts: number[]; completed: number[] }[] = [
  { parts: [0, 1, 2], completed: [0, 1, 2] },
  { parts: [0, 1, 3], completed: [0] },
  { parts: [0, 2], completed: [] },
];

export async function seedMapCafeteria(manager: EntityManager, today: CalendarDate): Promise<{ parts: number; choices: number }> {
  const organisations = manager.getRepository(OrganisationEntity);
  // One after the other: the seed's transaction is one connection, which runs one query at a time.
  const region = await organisations.findOne({ select: { id: true }, where: { name: REGION } });
  const wsp = await organisations.findOne({ select: { id: true }, where: { name: WSP } });
  const municipality = await organisations.findOne({ select: { id: true }, where: { name: MUNICIPALITY } });
  if (!region || !wsp || !municipality) return { parts: 0, choices: 0 };
  // The region registered the WSP itself (no lot or contract): its projectleider manages it and its catalogue.
  await organisations.update({ id: wsp.id }, { createdByRegionId: region.id });
  await manager.createQueryBuilder().insert().into(MapPartEntity)
    .values(PARTS.map((p) => ({ regionId: region.id, providerId: wsp.id, name: p.name, description: p.description, minutes: p.hours * 60, priceCents: p.priceEuros * 100, themes: p.themes, practical: p.practical })))
    .execute();
  const parts = await manager.getRepository(MapPartEntity).find({ select: { id: true, name: true }, where: { providerId: wsp.id } });
  const partId = (index: number) => parts.find((p) => p.name === PARTS[index].name)!.id;
  const consultant = await manager.getRepository(AppUserEntity).findOne({ select: { id: true }, where: { email: 'consulent@kerkrade.demo.nl' } });
  // B1 and Z clients of Kerkrade with a PIP (the Onderwijsroute has no MAP), by client number.
  const clients = await manager.getRepository(ClientEntity).createQueryBuilder('c').select(['c.id', 'c.clientNumber'])
    .where(`c.municipalityId = :m AND c.route IN ('B1', 'Z') AND c.pipSignedOn IS NOT NULL`, { m: municipality.id })
    .orderBy('c.clientNumber').limit(CHOICES.length).getMany();
  const chosenOn = addDays(today, -120);
  const values = clients.flatMap((client, index) =>
    CHOICES[index].parts.map((part, order) => {
      const completed = CHOICES[index].completed.includes(part);
      return {
        clientId: client.id, municipalityId: municipality.id, mapPartId: partId(part), providerId: wsp.id,
        status: completed ? 'COMPLETED' : 'CHOSEN', chosenOn, chosenByUserId: consultant?.id ?? null,
        completedOn: completed ? addDays(today, -90 + order * 30) : null, completedByUserId: null,
        idempotencyKey: `demo-map-parts:${client.id}`,
      };
    }),
  );
  if (values.length > 0) await manager.createQueryBuilder().insert().into(MapPartChoiceEntity).values(values).execute();
  return { parts: parts.length, choices: values.length };
}
