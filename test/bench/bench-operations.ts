// Every request the bench measures, in one place: which role sends it, which of the portal's operations (by name,
// from libs/contracts/operations, so the bench sends exactly what the portal sends) and with which variables.
// When an operation's arguments change (paging, filters), adjust the variables here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

export type BenchRole = 'provider' | 'consultant' | 'projectleider' | 'admin';

/** The ids the operations need, read from the generated data (largest tenants) before the run. */
export interface BenchTenants {
  today: string;
  weekStart: string;
  providerId: string;
  municipalityId: string;
  regionId: string;
  /** The contract with the most placements in the largest region, and its lot (contract management figures, issue 10). */
  contractId: string;
  lotId: string;
  /** Placements of the largest provider in the largest municipality, STARTED, one per simulated user. */
  placementIds: string[];
  /** Periods (provider × municipality × month) of the largest municipality, one per simulated user; reset between calls. */
  periodIds: string[];
  /** Months of the largest provider with the largest municipality, one per simulated user, for submitting. */
  submitMonths: string[];
  /** The largest provider's quality requirement with the most evidence (its evidence page). */
  qualityRequirementId: string;
}

export interface BenchCall {
  operation: string;
  variables?: Record<string, unknown>;
}

export interface BenchOperation {
  /** What the table shows. */
  label: string;
  role: BenchRole;
  /** The request of simulated user `user` (0..9), its `n`-th call; `previous` is that user's last answer. */
  call: (t: BenchTenants, user: number, previous: unknown) => BenchCall;
  /** SQL run (unmeasured) after each call, to put the record back for the next one. */
  reset?: (t: BenchTenants, user: number) => { sql: string; params: unknown[] };
  /** Measured for information only: the page targets hold for warm answers (issue 10), this one is not warm. */
  informational?: string;
}

/** A write in the region, as the figures cache sees one (the triggers on the source tables append such a row); without source it counts for every table. */
const regionChanged = (t: BenchTenants) => ({ sql: `INSERT INTO figures_region_change (region_id) VALUES ($1)`, params: [t.regionId] });
/** Hours saved in the region (the most frequent write), as hour_entry's triggers record it. */
const regionHoursSaved = (t: BenchTenants) => ({ sql: `INSERT INTO figures_region_change (region_id, source) VALUES ($1, 'hour_entry')`, params: [t.regionId] });

const firstCell = (previous: unknown): { version: number; attendedMinutes: number } | null => {
  const saved = (previous as { data?: { saveHourEntries?: { saved?: { version: number; attendedMinutes: number }[] } } } | null)?.data?.saveHourEntries?.saved;
  return saved?.[0] ?? null;
};

export const BENCH_OPERATIONS: BenchOperation[] = [
  // Aanbieder (largest provider)
  { label: 'aanbieder: urenmaanden (pagina van 50)', role: 'provider', call: () => ({ operation: 'HourPeriods', variables: { limit: 50, offset: 0 } }) },
  { label: 'aanbieder: urenweek, alle groepen (pagina van 50)', role: 'provider', call: (t) => ({ operation: 'HourWeek', variables: { weekStart: t.weekStart, limit: 50, offset: 0 } }) },
  { label: 'aanbieder: geplaatste inburgeraars', role: 'provider', call: () => ({ operation: 'ProviderPlacements', variables: {} }) },
  { label: 'aanbieder: verzuimsignalen', role: 'provider', call: () => ({ operation: 'AbsenceSignals', variables: { openOnly: true } }) },
  { label: 'aanbieder: kwaliteitseisen', role: 'provider', call: () => ({ operation: 'QualityRequirements', variables: {} }) },
  { label: 'aanbieder: één kwaliteitseis met bewijs', role: 'provider', call: (t) => ({ operation: 'QualityRequirement', variables: { id: t.qualityRequirementId } }) },
  {
    label: 'aanbieder: urencel opslaan',
    role: 'provider',
    call: (t, user, previous) => {
      const cell = firstCell(previous);
      return {
        operation: 'SaveHourEntries',
        variables: { input: { cells: [{ placementId: t.placementIds[user], date: t.today, category: 'LANGUAGE', plannedMinutes: 180, attendedMinutes: cell?.attendedMinutes === 180 ? 90 : 180, absenceReason: cell?.attendedMinutes === 180 ? 'EXCUSED' : null, version: cell?.version ?? null }] } },
      };
    },
  },
  {
    label: 'aanbieder: urenmaand indienen',
    role: 'provider',
    call: (t, user) => ({ operation: 'SubmitHourPeriod', variables: { input: { month: t.submitMonths[user], municipalityId: t.municipalityId } } }),
    reset: (t, user) => ({ sql: `UPDATE hour_period SET status = 'OPEN', submitted_at = NULL, submitted_by_user_id = NULL WHERE provider_id = $1 AND municipality_id = $2 AND month = $3`, params: [t.providerId, t.municipalityId, t.submitMonths[user]] }),
  },
  // Consulent (largest municipality)
  { label: 'consulent: caseload pagina 1', role: 'consultant', call: () => ({ operation: 'Clients', variables: { limit: 50, offset: 0 } }) },
  { label: 'consulent: caseload op urgentie', role: 'consultant', call: () => ({ operation: 'Clients', variables: { limit: 50, offset: 0, filter: { sort: 'URGENCY' } } }) },
  { label: 'consulent: termijnsignalen', role: 'consultant', call: () => ({ operation: 'DeadlineSignals', variables: { openOnly: true, limit: 50, offset: 0 } }) },
  { label: 'consulent: verzuimsignalen', role: 'consultant', call: () => ({ operation: 'AbsenceSignals', variables: { openOnly: true } }) },
  { label: 'consulent: urenmaanden (pagina van 50)', role: 'consultant', call: () => ({ operation: 'HourPeriods', variables: { limit: 50, offset: 0 } }) },
  {
    label: 'consulent: urenmaand goedkeuren',
    role: 'consultant',
    call: (t, user) => ({ operation: 'ApproveHourPeriod', variables: { periodId: t.periodIds[user] } }),
    reset: (t, user) => ({ sql: `UPDATE hour_period SET status = 'SUBMITTED', decided_at = NULL, decided_by_user_id = NULL WHERE id = $1`, params: [t.periodIds[user]] }),
  },
  {
    label: 'consulent: urenmaand afwijzen',
    role: 'consultant',
    call: (t, user) => ({ operation: 'RejectHourPeriod', variables: { input: { periodId: t.periodIds[user], reason: 'De uren van week 2 ontbreken.' } } }),
    reset: (t, user) => ({ sql: `UPDATE hour_period SET status = 'SUBMITTED', decided_at = NULL, decided_by_user_id = NULL, rejection_reason = NULL WHERE id = $1`, params: [t.periodIds[user]] }),
  },
  // Projectleider (largest region) and functioneel beheer
  { label: 'projectleider: capaciteit regio', role: 'projectleider', call: () => ({ operation: 'CapacityOverview', variables: {} }) },
  { label: 'projectleider: kwaliteit beoordelen', role: 'projectleider', call: () => ({ operation: 'QualityReviewQueue', variables: { status: 'SUBMITTED' } }) },
  { label: 'projectleider: percelen', role: 'projectleider', call: () => ({ operation: 'LotDetails', variables: {} }) },
  // Contract management figures (issue 10): the region dashboard, a contract's and a lot's figures, and the consultant's own.
  { label: 'projectleider: cijfers regio per contract', role: 'projectleider', call: () => ({ operation: 'RegionFigures', variables: { groupBy: 'CONTRACT' } }) },
  { label: 'projectleider: cijfers regio per gemeente', role: 'projectleider', call: () => ({ operation: 'RegionFigures', variables: { groupBy: 'MUNICIPALITY' } }) },
  { label: 'projectleider: cijfers contractpagina', role: 'projectleider', call: (t) => ({ operation: 'ContractFigures', variables: { contractId: t.contractId } }) },
  { label: 'projectleider: cijfers perceelpagina', role: 'projectleider', call: (t) => ({ operation: 'LotFigures', variables: { lotId: t.lotId } }) },
  { label: 'consulent: cijfers eigen gemeente', role: 'consultant', call: () => ({ operation: 'RegionFigures', variables: {} }) },
  // The same dashboard right after a write in the region: nothing from the cache, every figure computed afresh.
  { label: 'projectleider: cijfers regio per contract, na een wijziging in de regio', role: 'projectleider', call: () => ({ operation: 'RegionFigures', variables: { groupBy: 'CONTRACT' } }), reset: regionChanged, informational: 'geen (ter informatie: de doelen gelden warm)' },
  { label: 'projectleider: cijfers contractpagina, na een wijziging in de regio', role: 'projectleider', call: (t) => ({ operation: 'ContractFigures', variables: { contractId: t.contractId } }), reset: regionChanged, informational: 'geen (ter informatie: de doelen gelden warm)' },
  { label: 'projectleider: cijfers regio per contract, na opgeslagen uren in de regio', role: 'projectleider', call: () => ({ operation: 'RegionFigures', variables: { groupBy: 'CONTRACT' } }), reset: regionHoursSaved, informational: 'geen (ter informatie: de doelen gelden warm)' },
  { label: 'beheer: inrichting regio', role: 'admin', call: () => ({ operation: 'RegionSetup', variables: {} }) },
];

/** The cheapest authenticated request (one session check, no resolver work). */
export const TYPENAME_QUERY = '{ __typename }';

/** The portal's operations by name, each with the fragments it uses, as the text the portal sends. */
export function loadPortalOperations(root: string): Map<string, string> {
  const dir = join(root, 'libs/contracts/operations');
  const definitions: DefinitionNode[] = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((f) => parse(readFileSync(join(dir, f), 'utf8')).definitions);
  const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operations = new Map<string, string>();
  for (const op of definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && !!d.name)) {
    const used = new Set<string>();
    const collect = (node: DefinitionNode) => visit(node, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        const fragment = fragments.get(spread.name.value);
        if (fragment) collect(fragment);
      },
    });
    collect(op);
    operations.set(op.name!.value, [op, ...[...used].map((name) => fragments.get(name)!).filter(Boolean)].map((d) => print(d)).join('\n'));
  }
  return operations;
}
