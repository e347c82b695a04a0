import { addDays, compareDates, ROUTES, SEAT_TAKING_PLACEMENT_STATUSES, type CalendarDate, type PlacementStatus, type Route } from '@inburgering/domain';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { ClientEntity, ContractEntity, LotEntity, LotMunicipalityEntity, OrganisationEntity, PlacementEntity, PlacementEventEntity, StartMomentEntity } from '../database';

// Demo placements: a share of the clients with a route started or accepted with a provider, a few requests in the
// providers' inboxes, and on the Liemerse kavel a full start moment with clients waiting for it.

const LESSONS: Record<Route, { minutes: number; pattern: string }> = {
  B1: { minutes: 720, pattern: 'Dinsdag en donderdag, ochtend' },
  Z: { minutes: 600, pattern: 'Maandag en woensdag, ochtend' },
  ONDERWIJS: { minutes: 1_200, pattern: 'Maandag tot en met donderdag, voltijds' },
};

const FULL_LOT = 'B1-route Liemerse kavel';

/** A start moment with the provider of its contract. */
type Moment = Pick<StartMomentEntity, 'id' | 'contractId' | 'startsOn' | 'seats' | 'location'> & Pick<ContractEntity, 'providerId'>;

/** A client with a signed PIP on the lot's route. */
type Eligible = Pick<ClientEntity, 'id' | 'municipalityId' | 'route'> & { pipSignedOn: CalendarDate };

interface NewPlacement {
  lotId: string;
  client: Eligible;
  moment: Moment | null;
  contractId: string;
  providerId: string;
  status: Extract<PlacementStatus, 'WAITING' | 'REQUESTED' | 'ACCEPTED' | 'STARTED'>;
  requestedOn: CalendarDate;
}

const AMSTERDAM_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' });

/** 10:00 in Amsterdam on `date`: the demo requests were made in office hours. */
function tenOClockInAmsterdam(date: CalendarDate): Date {
  const tenUtc = new Date(`${date}T10:00:00Z`);
  const offsetHours = Number(AMSTERDAM_HOUR.format(tenUtc)) - 10;
  return new Date(tenUtc.getTime() - offsetHours * 3_600_000);
}

/** Buckets of ten clients: 5 started, 2 accepted, 1 requested (waiting for the provider), 2 not yet placed. */
function bucket(index: number): NewPlacement['status'] | null {
  const slot = index % 10;
  return slot < 5 ? 'STARTED' : slot < 7 ? 'ACCEPTED' : slot === 7 ? 'REQUESTED' : null;
}

export async function seedPlacements(manager: EntityManager, today: CalendarDate): Promise<{ placements: number }> {
  const clientRepository = manager.getRepository(ClientEntity);
  // Demo clients with a PIP had one PIP; the PIP says how many hours a week and when.
  for (const [route, lessons] of Object.entries(LESSONS)) {
    await clientRepository.update({ pipSignedOn: Not(IsNull()), route }, { pipCount: 1, pipMinutesPerWeek: lessons.minutes, pipLessonPattern: lessons.pattern });
  }
  await clientRepository.update({ pipSignedOn: Not(IsNull()), pipCount: 0 }, { pipCount: 1 });
  const lots = await manager.getRepository(LotEntity).find({ select: { id: true, name: true, subject: true }, where: { subject: In([...ROUTES]) }, order: { name: 'ASC' } });
  const placements: NewPlacement[] = [];
  for (const lot of lots) {
    const momentRows = await manager
      .getRepository(StartMomentEntity)
      .createQueryBuilder('sm')
      .innerJoin('sm.contract', 'c')
      .innerJoin(OrganisationEntity, 'provider', 'provider.id = c.providerId')
      .select(['sm.id', 'sm.contractId', 'sm.startsOn', 'sm.seats', 'sm.location', 'c.id', 'c.providerId'])
      .where('c.lotId = :lotId', { lotId: lot.id })
      // By name, not by (random) id: the same clients go to the same provider on every seed.
      .orderBy('provider.name')
      .addOrderBy('sm.startsOn')
      .getMany();
    const moments: Moment[] = momentRows.map((m) => ({ id: m.id, contractId: m.contractId, startsOn: m.startsOn, seats: m.seats, location: m.location, providerId: m.contract!.providerId }));
    const contracts = [...new Set(moments.map((m) => m.contractId))];
    if (contracts.length === 0) continue;
    const clientRows = await clientRepository
      .createQueryBuilder('c')
      .innerJoin(LotMunicipalityEntity, 'lm', 'lm.municipalityId = c.municipalityId AND lm.lotId = :lotId', { lotId: lot.id })
      .innerJoin(OrganisationEntity, 'm', 'm.id = c.municipalityId')
      .select(['c.id', 'c.municipalityId', 'c.pipSignedOn', 'c.route'])
      .where('c.route = :route', { route: lot.subject })
      .andWhere('c.pipSignedOn IS NOT NULL')
      .orderBy('m.cbsCode')
      .addOrderBy('c.clientNumber')
      .getMany();
    const clients: Eligible[] = clientRows.map((c) => ({ id: c.id, municipalityId: c.municipalityId, route: c.route, pipSignedOn: c.pipSignedOn! }));
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
      for (const client of fill) placements.push({ lotId: lot.id, client, moment: last, contractId: last.contractId, providerId: last.providerId, status: 'ACCEPTED', requestedOn: addDays(today, -12) });
      used.set(last.id, fill.length);
      for (const [i, client] of queue.slice(last.seats, last.seats + 2).entries()) {
        placements.push({ lotId: lot.id, client, moment: last, contractId: last.contractId, providerId: last.providerId, status: 'WAITING', requestedOn: addDays(today, -6 + i) });
      }
      queue = queue.slice(last.seats + 2);
    }
    for (const [index, client] of queue.entries()) {
      const status = bucket(index);
      if (!status) continue;
      const contractId = contracts[index % contracts.length];
      const [past, soon] = moments.filter((m) => m.contractId === contractId);
      if (status === 'STARTED' && compareDates(client.pipSignedOn, addDays(past.startsOn, -14)) <= 0 && take(past, past.seats - 2)) {
        placements.push({ lotId: lot.id, client, moment: past, contractId, providerId: past.providerId, status, requestedOn: addDays(past.startsOn, -14) });
      } else if (status !== 'REQUESTED' && take(soon, soon.seats - 4)) {
        placements.push({ lotId: lot.id, client, moment: soon, contractId, providerId: soon.providerId, status: 'ACCEPTED', requestedOn: addDays(today, -10) });
      } else if (take(soon, soon.seats - 2)) {
        placements.push({ lotId: lot.id, client, moment: soon, contractId, providerId: soon.providerId, status: 'REQUESTED', requestedOn: addDays(today, -2) });
      }
    }
  }
  if (placements.length === 0) return { placements: 0 };
  const accepted = (p: NewPlacement) => SEAT_TAKING_PLACEMENT_STATUSES.includes(p.status);
  // Set-based: one multi-row insert for all placements, then one for their first history event.
  await manager
    .createQueryBuilder()
    .insert()
    .into(PlacementEntity)
    .values(
      placements.map((p) => ({
        clientId: p.client.id,
        municipalityId: p.client.municipalityId,
        lotId: p.lotId,
        contractId: p.contractId,
        providerId: p.providerId,
        startMomentId: p.moment?.id ?? null,
        route: p.client.route!,
        status: p.status,
        requestedAt: tenOClockInAmsterdam(p.requestedOn),
        startDate: accepted(p) ? p.moment?.startsOn ?? null : null,
        location: accepted(p) ? p.moment?.location ?? null : null,
        groupName: accepted(p) && p.moment ? `Groep ${p.moment.startsOn.slice(5, 7)}-${p.moment.startsOn.slice(0, 4)}` : null,
        idempotencyKey: `demo:${p.client.id}`,
      })),
    )
    .execute();
  const inserted = await manager.getRepository(PlacementEntity).find({
    select: { id: true, status: true },
    where: { idempotencyKey: In(placements.map((p) => `demo:${p.client.id}`)) },
  });
  await manager
    .createQueryBuilder()
    .insert()
    .into(PlacementEventEntity)
    .values(inserted.map((p) => ({ placementId: p.id, fromStatus: null, toStatus: p.status, note: 'Demodata' })))
    .execute();
  return { placements: inserted.length };
}
