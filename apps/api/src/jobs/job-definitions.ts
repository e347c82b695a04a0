// Every job the worker knows, with its payload (ids only) and its retry policy, in one place.
import type { ProviderId } from '../tenancy';

export interface JobPayloads {
  /** Recompute the deadlines of one client after a change. */
  'deadlines.scan-client': { clientId: string; municipalityId: string };
  /** The nightly scan over all clients. */
  'deadlines.scan-all': { scanDate?: string };
  /** The nightly scan of one municipality's clients (scan-all hands out one per municipality, each its own transaction). */
  'deadlines.scan-municipality': { municipalityId: string; scanDate: string };
  /** Seats may have come free on a lot (new start moment, more seats, a placement ended): offer the first waiting clients. */
  'placements.offer-waiting': { lotId: string };
  /** The nightly check of quality evidence due dates and keurmerken, raising signals to providers and regions. */
  'procurement.scan-quality': { scanDate?: string };
  /** The same check for one provider, after its keurmerk or one of its contracts changed. */
  'procurement.scan-provider': { providerId: string };
  /** Validate (dry run) or apply one uploaded hours file. */
  'hours.import': { batchId: string; providerId: ProviderId };
  /**
   * Check the absence rules of the municipalities for these placements after hours were registered; with `month` (a
   * submitted month) also for the provider's placements with hours of that municipality in that month, looked up by the
   * job, so submitting reads no hour rows while it holds the month's lock.
   */
  'hours.check-absence': { providerId: ProviderId; placementIds: string[]; month?: { municipalityId: string; month: string } };
  /** Send one waiting message to DUO (and the client's earlier waiting ones first). */
  'duo.send': { messageId: string; clientId: string; municipalityId: string };
  /** Hand every message still waiting (e.g. after a long DUO outage) a new send job. */
  'duo.send-waiting': { sweepAt?: string };
  /** Fetch what changed at DUO after a notification and update the client. */
  'duo.process-notification': { notificationId: string; municipalityId: string };
  /** Generate one quarterly report (XLSX and PDF) of a region or lot. */
  'figures.generate-report': { reportId: string; regionId: string };
  /** The first day of a quarter: the past quarter's reports for every region and lot. */
  'figures.schedule-quarterly-reports': { runDate?: string };
  /** The nightly cleanup of done outbox rows, old job executions, expired sessions and old hours files' bytes. */
  'housekeeping.clean': { runDate?: string };
  /** The nightly retention run: per municipality, remove (or, until confirmed, preview) personal data past its period. */
  'retention.run': { runDate?: string };
  /** Send one e-mail (an invitation) that waits in outgoing_mail. */
  'administration.send-mail': { mailId: string };
}

export type JobName = keyof JobPayloads;

export interface JobPolicy {
  attempts: number;
  /** First retry delay; BullMQ doubles it each attempt. */
  backoffMs: number;
  /**
   * A check that follows changes in volume (every hour save, every submitted month) or a nightly scan: queued behind the
   * jobs someone waits for (an import, a report, a DUO message), which BullMQ takes first (its priority).
   */
  background?: true;
  /**
   * The job recomputes from the current state of what its payload names (an absence check, a client's deadlines): one
   * run covers every identical job written before it started, which then finds nothing left to do. Saving cells one by
   * one, or submitting a month again, queues one run instead of one per change. Such a job waits COALESCE_DELAY_MS
   * before it runs, so a burst of changes is covered by one run after it instead of competing with it.
   */
  coalesce?: true;
}

/** How long a coalescing job waits in BullMQ before it runs: a signal two seconds later is as good, the burst is over. */
export const COALESCE_DELAY_MS = 2_000;

/** BullMQ's priority of background jobs; the others have none (0), which BullMQ takes before any prioritized job. */
export const BACKGROUND_PRIORITY = 10;

export const JOB_POLICIES: Record<JobName, JobPolicy> = {
  'deadlines.scan-client': { attempts: 8, backoffMs: 1_000, background: true, coalesce: true },
  'deadlines.scan-all': { attempts: 5, backoffMs: 60_000, background: true },
  'deadlines.scan-municipality': { attempts: 5, backoffMs: 60_000, background: true },
  'placements.offer-waiting': { attempts: 8, backoffMs: 1_000 },
  'procurement.scan-quality': { attempts: 5, backoffMs: 60_000, background: true },
  'procurement.scan-provider': { attempts: 8, backoffMs: 1_000 },
  'hours.import': { attempts: 5, backoffMs: 1_000 },
  'hours.check-absence': { attempts: 8, backoffMs: 1_000, background: true, coalesce: true },
  'duo.send': { attempts: 10, backoffMs: 1_000 },
  'duo.send-waiting': { attempts: 3, backoffMs: 60_000 },
  'duo.process-notification': { attempts: 10, backoffMs: 1_000 },
  'figures.generate-report': { attempts: 5, backoffMs: 5_000 },
  'figures.schedule-quarterly-reports': { attempts: 5, backoffMs: 60_000 },
  'housekeeping.clean': { attempts: 3, backoffMs: 60_000, background: true },
  'retention.run': { attempts: 3, backoffMs: 60_000, background: true },
  'administration.send-mail': { attempts: 8, backoffMs: 1_000 },
};

export const JOB_NAMES = Object.keys(JOB_POLICIES) as JobName[];

export const QUEUE_NAME = 'inburgering';
