import { Injectable } from '@nestjs/common';
import { calendarDateInAmsterdam, compareDates, formatDateNl } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import type { JobPayloads } from '../jobs/job-definitions';
import type { JobHandler } from '../jobs/job-handler';
import { raiseSignals, type NewSignal } from '../signals/raise-signal';
import { freeOf, futureSlotsOfLots, lockLotSeats, slotsByIds } from './placement-queries';
import { transitionPlacement, type LockedPlacement } from './placement-transitions';

interface WaitingRow extends LockedPlacement {
  client_number: number;
  provider_name: string;
}

/**
 * Offers the first waiting clients of a lot to their provider when seats are free: in order of request, as many as
 * there are seats open on future start moments of running contracts (the chosen start moment first, otherwise the
 * earliest one with a seat that is not before the chosen one). Each offer becomes a request (WAITING → REQUESTED) and the consultant's municipality gets a
 * signal. Enqueued when capacity grows and when a placement ends, is rejected or is withdrawn.
 */
@Injectable()
export class OfferWaitingPlacementsJob implements JobHandler<'placements.offer-waiting'> {
  readonly jobName = 'placements.offer-waiting' as const;

  async handle({ lotId }: JobPayloads['placements.offer-waiting'], manager: EntityManager): Promise<void> {
    const today = calendarDateInAmsterdam(new Date());
    await lockLotSeats(manager, lotId);
    const waiting: WaitingRow[] = await manager.query(
      `SELECT p.id, p.client_id, p.municipality_id, p.lot_id, p.contract_id, p.provider_id, p.start_moment_id, p.status, p.start_date, p.version,
              c.client_number, o.name AS provider_name
         FROM placement p JOIN client c ON c.id = p.client_id JOIN organisation o ON o.id = p.provider_id
        WHERE p.lot_id = $1 AND p.status = 'WAITING' ORDER BY p.requested_at, p.id FOR UPDATE OF p`,
      [lotId],
    );
    if (waiting.length === 0) return;
    const slots = await futureSlotsOfLots(manager, [lotId], today);
    const open = new Map(slots.map((slot) => [slot.id, freeOf(slot)]));
    const chosen = new Map((await slotsByIds(manager, [...new Set(waiting.flatMap((p) => (p.start_moment_id ? [p.start_moment_id] : [])))])).map((s) => [s.id, s.starts_on]));
    const signals: NewSignal[] = [];
    for (const placement of waiting) {
      // A client who waits for a chosen start moment gets that one, or a later one; never an earlier one it passed over.
      const notBefore = placement.start_moment_id ? chosen.get(placement.start_moment_id) ?? today : today;
      const own = slots.filter((slot) => slot.contract_id === placement.contract_id && (open.get(slot.id) ?? 0) > 0 && compareDates(slot.starts_on, notBefore) >= 0);
      const slot = own.find((s) => s.id === placement.start_moment_id) ?? own[0];
      if (!slot) continue;
      open.set(slot.id, (open.get(slot.id) ?? 0) - 1);
      await transitionPlacement(manager, placement, 'REQUESTED', null, 'Automatisch aangeboden: er is een plaats vrijgekomen.', { start_moment_id: slot.id });
      const when = `${formatDateNl(slot.starts_on)} (${slot.location})`;
      signals.push(
        {
          kind: 'PLACEMENT_OFFERED', organisationId: placement.municipality_id, subjectType: 'placement', subjectId: placement.id,
          occurrenceKey: `${placement.id}:offered:${placement.version + 1}`,
          message: `Klantnummer ${placement.client_number} stond op de wachtlijst en is nu aangemeld bij ${placement.provider_name} voor het instroommoment van ${when}.`,
        },
        {
          kind: 'PLACEMENT_REQUESTED', organisationId: placement.provider_id, subjectType: 'placement', subjectId: placement.id,
          occurrenceKey: `${placement.id}:requested:${placement.version + 1}`,
          message: `Nieuwe aanmelding van klantnummer ${placement.client_number} voor het instroommoment van ${when}.`,
        },
      );
    }
    await raiseSignals(manager, signals);
  }
}
