import { addDays, compareDates, type CalendarDate, type HourCategory } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { ClientEntity, ContractEntity, LotEntity, OrganisationEntity, PlacementEntity, PlacementEventEntity, StartMomentEntity } from '../database';

// Noordoost-Brabant (Oss): clients wait in the instroomklas until their route starts (beleidsplan Oss §2.10). The demo
// has Oss clients in the instroomklas of ROC De Leijgraaf with its hours, one whose Z-route started after the instroomklas,
// and one whose Z-route started two days ago while the instroomklas still runs (the consultant ends it).

const MUNICIPALITY = 'Gemeente Oss';
const PROVIDER = 'ROC De Leijgraaf';
const Z_LOT = 'Z-route Noordoost-Brabant';
const LOCATION = 'Oss, Kruisstraat';
const LANGUAGE: HourCategory = 'LANGUAGE';

/** The aggregate the set-based hours insert answers: how many rows it wrote. */
interface InsertedHours {
  inserted: number;
}

interface NewInstroomklas {
  clientId: string;
  route: string;
  startsOn: CalendarDate;
  endedOn: CalendarDate | null;
  /** Hours are registered on lesson days before this day. */
  hoursUntil: CalendarDate;
}

const later = (a: CalendarDate, b: CalendarDate): CalendarDate => (compareDates(a, b) >= 0 ? a : b);

export async function seedInstroomklas(manager: EntityManager, today: CalendarDate): Promise<{ placements: number; hours: number }> {
  // One after the other: the seed's transaction is one connection, which runs one query at a time.
  const municipality = await manager.getRepository(OrganisationEntity).findOne({ select: { id: true }, where: { name: MUNICIPALITY } });
  const provider = await manager.getRepository(OrganisationEntity).findOne({ select: { id: true }, where: { name: PROVIDER } });
  if (!municipality || !provider) return { placements: 0, hours: 0 };
  const clients = manager.getRepository(ClientEntity);
  const planned: NewInstroomklas[] = [];
  /** Route placements started here, after the demo's hours were written: their first days of lessons. */
  const routeHours: string[] = [];

  // 1. From the instroomklas to the Z-route: an Oss Z-route client whose route placement started.
  const started = await manager.getRepository(PlacementEntity).createQueryBuilder('p').innerJoin('p.client', 'c').innerJoin('p.lot', 'l')
    .select(['p.id', 'p.clientId', 'p.startDate', 'c.id', 'c.pipSignedOn', 'c.clientNumber'])
    .where(`p.municipalityId = :m AND p.status = 'STARTED' AND p.kind = 'REGULAR' AND l.subject = 'Z' AND p.startDate IS NOT NULL`, { m: municipality.id })
    .orderBy('c.clientNumber').getOne();
  if (started?.startDate && started.client?.pipSignedOn) {
    const startsOn = later(addDays(started.startDate, -49), started.client.pipSignedOn);
    if (compareDates(startsOn, started.startDate) < 0) planned.push({ clientId: started.clientId, route: 'Z', startsOn, endedOn: started.startDate, hoursUntil: started.startDate });
  }

  // 2. An Oss status holder with a PIP and no placement yet, on the Z-route: the Z-route started two days ago on
  //    ROC De Leijgraaf's Z lot, and the instroomklas (five weeks) still runs: the consultant ends it.
  const lot = await manager.getRepository(LotEntity).findOne({ select: { id: true }, where: { name: Z_LOT } });
  const contract = lot ? await manager.getRepository(ContractEntity).findOne({ select: { id: true }, where: { lotId: lot.id, providerId: provider.id } }) : null;
  const moment = contract
    ? await manager.getRepository(StartMomentEntity).createQueryBuilder('sm').select(['sm.id', 'sm.startsOn'])
      .where('sm.contractId = :k AND sm.startsOn <= :until', { k: contract.id, until: addDays(today, -2) }).orderBy('sm.startsOn', 'DESC').getOne()
    : null;
  const unplaced = await clients.createQueryBuilder('c').select(['c.id', 'c.route', 'c.pipSignedOn'])
    .where(`c.municipalityId = :m AND c.pipSignedOn IS NOT NULL AND c.pipSignedOn <= :pipBy AND c.targetGroup = 'STATUS_HOLDER'`, { m: municipality.id, pipBy: addDays(today, -45) })
    .andWhere('NOT EXISTS (SELECT 1 FROM placement p WHERE p.client_id = c.id)')
    .orderBy('c.clientNumber').limit(10).getMany();
  // A Z-route client first, if the demo has one without a placement.
  const [toZ, ...waiting] = [...unplaced.filter((c) => c.route === 'Z'), ...unplaced.filter((c) => c.route !== 'Z')].slice(0, 3);
  if (toZ && lot && contract && moment) {
    const routeStart = addDays(today, -2);
    // The demo decides this client's route: the Z-route (level A2), as its PIP says from here on.
    await clients.update(toZ.id, { route: 'Z', level: 'A2', pipMinutesPerWeek: 600, pipLessonPattern: 'Maandag en woensdag, ochtend' });
    await manager.getRepository(PlacementEntity).insert({
      clientId: toZ.id, municipalityId: municipality.id, lotId: lot.id, contractId: contract.id, providerId: provider.id, startMomentId: moment.id,
      kind: 'REGULAR', route: 'Z', status: 'STARTED', requestedAt: new Date(`${addDays(today, -40)}T09:00:00Z`), startDate: routeStart, location: LOCATION,
      groupName: 'Z-route Oss', idempotencyKey: `demo-instroomklas-route:${toZ.id}`,
    });
    planned.push({ clientId: toZ.id, route: 'Z', startsOn: addDays(today, -37), endedOn: null, hoursUntil: routeStart });
    routeHours.push(`demo-instroomklas-route:${toZ.id}`);
  }

  // 3. Oss clients waiting for their route in the instroomklas: with a requested or accepted route placement, or none yet.
  const queued = await manager.getRepository(PlacementEntity).createQueryBuilder('p').innerJoin('p.client', 'c')
    .select(['p.id', 'p.clientId', 'p.route', 'c.id', 'c.clientNumber'])
    .where(`p.municipalityId = :m AND p.status IN ('REQUESTED', 'ACCEPTED', 'WAITING') AND p.kind = 'REGULAR' AND p.lotId IS NOT NULL`, { m: municipality.id })
    .orderBy('c.clientNumber').limit(2).getMany();
  const inClass = [...queued.map((p) => ({ id: p.clientId, route: p.route })), ...waiting.map((c) => ({ id: c.id, route: c.route ?? 'B1' }))].slice(0, 3);
  for (const [index, client] of inClass.entries()) {
    planned.push({ clientId: client.id, route: client.route, startsOn: addDays(today, -(21 + 7 * index)), endedOn: null, hoursUntil: today });
  }
  if (planned.length === 0) return { placements: 0, hours: 0 };

  const key = (clientId: string) => `demo-instroomklas:${clientId}`;
  await manager.createQueryBuilder().insert().into(PlacementEntity).values(planned.map((p) => ({
    clientId: p.clientId, municipalityId: municipality.id, lotId: null, contractId: null, providerId: provider.id, startMomentId: null,
    kind: 'INSTROOMKLAS', route: p.route, status: p.endedOn ? 'ENDED' : 'STARTED', requestedAt: new Date(`${addDays(p.startsOn, -3)}T09:00:00Z`),
    startDate: p.startsOn, location: LOCATION, groupName: 'Instroomklas', endReason: p.endedOn ? 'ROUTE_STARTED' : null, endedOn: p.endedOn,
    idempotencyKey: key(p.clientId),
  }))).execute();
  const inserted = await manager.getRepository(PlacementEntity).createQueryBuilder('p').select(['p.id', 'p.clientId', 'p.status'])
    .where('p.idempotencyKey IN (:...keys)', { keys: planned.map((p) => key(p.clientId)) }).getMany();
  await manager.createQueryBuilder().insert().into(PlacementEventEntity).values(inserted.flatMap((p) => [
    { placementId: p.id, fromStatus: null, toStatus: 'STARTED', note: 'Demodata: in de instroomklas geplaatst tot de route start' },
    ...(p.status === 'ENDED' ? [{ placementId: p.id, fromStatus: 'STARTED', toStatus: 'ENDED', note: 'Demodata: de Z-route is gestart' }] : []),
  ])).execute();
  const routes = routeHours.length === 0 ? [] : await manager.getRepository(PlacementEntity).createQueryBuilder('p').select(['p.id'])
    .where('p.idempotencyKey IN (:...keys)', { keys: routeHours }).getMany();
  const untilOf = new Map(planned.map((p) => [p.clientId, p.hoursUntil]));
  // Stays SQL: INSERT ... SELECT over generate_series (the mornings, Monday to Thursday, of each instroomklas, and of the
  // Z-route started two days ago), set-based.
  const [{ inserted: hours }] = await manager.query<InsertedHours[]>(
    `WITH periods AS (SELECT * FROM unnest($1::uuid[], $2::date[]) AS t(placement_id, until)), ins AS (
       INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason)
       SELECT p.id, p.client_id, p.provider_id, p.municipality_id, d::date, $3, 180,
              CASE WHEN abs(hashtext(c.client_number::text || p.kind || d::date::text)) % 100 < 8 THEN 90 ELSE 180 END,
              CASE WHEN abs(hashtext(c.client_number::text || p.kind || d::date::text)) % 100 < 8 THEN 'EXCUSED' END
         FROM placement p JOIN client c ON c.id = p.client_id JOIN periods t ON t.placement_id = p.id
        CROSS JOIN LATERAL generate_series(p.start_date, t.until - 1, interval '1 day') d
        WHERE extract(isodow FROM d) < 5
       RETURNING 1)
     SELECT count(*)::int AS inserted FROM ins`,
    [[...inserted.map((p) => p.id), ...routes.map((p) => p.id)], [...inserted.map((p) => untilOf.get(p.clientId)!), ...routes.map(() => today)], LANGUAGE],
  );
  return { placements: inserted.length, hours };
}
