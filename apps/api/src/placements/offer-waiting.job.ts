import { Injectable } from '@nestjs/common';
import { compareDates, formatDateNl } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { PlacementEntity } from '../database';
import type { JobPayloads, JobHandler } from '../jobs';
import { raiseSignals, type NewSignal } from '../signals';
import { freeOf, futureSlotsOfLots, joined, lockLotSeats, slotsByIds, WAITING } from './placement-queries';
import { transitionPlacement, type LockedPlacement } from './placement-transitions';

/**
 * Offers the first waiting clients of a lot to their provider when seats are free: in order of request, as many as
 * there are seats open on future start moments of running contracts (the chosen start moment first, otherwise the
 * earliest one with a seat that is not before the chosen one). Each offer becomes a request (WAITING → REQUESTED) and the consultant's municipality gets a
 * signal. Enqueued when capacity grows and when a placement ends, is rejected or is withdrawn.
 */
@Injectable()
export class OfferWaitingPlacementsJob implements JobHandler<'placements.offer-waiting'> {
  readonly jobName = 'placements.offer-waiting' as const;

  constructor(private readonly clock: Clock) {}

  async handle({ lotId }: JobPayloads['placements.offer-waiting'], manager: EntityManager): Promise<void> {
    const today = this.clock.today();
    await lockLotSeats(manager, lotId);
    const waiting = await manager
      .getRepository(PlacementEntity)
      .createQueryBuilder('p')
      .innerJoin('p.client', 'c')
      .addSelect(['c.id', 'c.clientNumber'])
      .innerJoin('p.provider', 'o')
      .addSelect(['o.id', 'o.name'])
      .innerJoin('p.municipality', 'm')
      .addSelect(['m.id', 'm.name'])
      .where('p.lotId = :lotId', { lotId })
      .andWhere('p.status = :waiting', { waiting: WAITING })
      .orderBy('p.requestedAt')
      .addOrderBy('p.id')
      .setLock('pessimistic_write', undefined, ['p'])
      .getMany();
    if (waiting.length === 0) return;
    const slots = await futureSlotsOfLots(manager, [lotId], today);
    const open = new Map(slots.map((slot) => [slot.moment.id, freeOf(slot)]));
    const chosen = new Map((await slotsByIds(manager, [...new Set(waiting.flatMap((p) => (p.startMomentId ? [p.startMomentId] : [])))])).map((s) => [s.moment.id, s.moment.startsOn]));
    const signals: NewSignal[] = [];
    for (const row of waiting) {
      const placement: LockedPlacement = { ...row, status: WAITING, kind: 'REGULAR' };
      const clientNumber = joined(row.client, 'placement.client').clientNumber;
      const providerName = joined(row.provider, 'placement.provider').name;
      const municipalityName = joined(row.municipality, 'placement.municipality').name;
      // A client who waits for a chosen start moment gets that one, or a later one; never an earlier one it passed over.
      const notBefore = placement.startMomentId ? chosen.get(placement.startMomentId) ?? today : today;
      const own = slots.filter((slot) => slot.contract.id === placement.contractId && (open.get(slot.moment.id) ?? 0) > 0 && compareDates(slot.moment.startsOn, notBefore) >= 0);
      const slot = own.find((s) => s.moment.id === placement.startMomentId) ?? own[0];
      if (!slot) continue;
      open.set(slot.moment.id, (open.get(slot.moment.id) ?? 0) - 1);
      await transitionPlacement(manager, placement, 'REQUESTED', null, 'Automatisch aangeboden: er is een plaats vrijgekomen.', { startMomentId: slot.moment.id });
      const when = `${formatDateNl(slot.moment.startsOn)} (${slot.moment.location})`;
      signals.push(
        {
          kind: 'PLACEMENT_OFFERED', organisationId: placement.municipalityId, subjectType: 'placement', subjectId: placement.id,
          occurrenceKey: `${placement.id}:offered:${placement.version + 1}`,
          message: `Klantnummer ${clientNumber} stond op de wachtlijst en is nu aangemeld bij ${providerName} voor het instroommoment van ${when}.`,
        },
        {
          kind: 'PLACEMENT_REQUESTED', organisationId: placement.providerId, subjectType: 'placement', subjectId: placement.id,
          occurrenceKey: `${placement.id}:requested:${placement.version + 1}`,
          message: `Nieuwe aanmelding van klantnummer ${clientNumber} van ${municipalityName} voor het instroommoment van ${when}.`,
        },
      );
    }
    await raiseSignals(manager, signals);
  }
}
