import type { CompletedModule, IntakeStage } from '@inburgering/contracts';
import { figurePeriodOfKey } from '@inburgering/domain';

/** The text key of each intake stage, for the notice above a list a figure links to. */
export const STAGE_LABEL = { REQUESTED: 'figures.requested', ACCEPTED: 'figures.accepted', STARTED: 'figures.started', WAITING: 'figures.waiting' } as const;

/**
 * The figure a link came from (?contract=…&stadium=STARTED&periode=2026-K4, from a row per municipality also
 * &gemeente=…), or null: the caseload and the provider's placements read the same link, each with the stages it may be
 * asked for, and whose placements (figureListOf). The caseload's intake figures are a contract's or the individual
 * placements' (&individueel=ja); a provider's dashboard covers all its contracts (no contract), a lot page's total the lot's.
 */
export function countedFilterOf(params: URLSearchParams, stages: readonly IntakeStage[], contract: 'REQUIRED' | 'OPTIONAL' = 'REQUIRED') {
  const list = figureListOf(params);
  const stage = stages.find((s) => s === params.get('stadium'));
  // The row of individual placements has no contract: its list stands in for one.
  if ((!list.contractId && !list.individual && contract === 'REQUIRED') || !stage) return null;
  return { ...list, stage, period: figurePeriodOfKey(params.get('periode')), municipalityId: params.get('gemeente') };
}

/**
 * Whose placements a figure's link covers: a contract (&contract=…), the contracts of a lot (&perceel=…), the row of
 * individual placements (&individueel=ja: outside a lot, no contract), or none of them (the whole region, or all of a
 * provider's contracts and individual placements).
 */
export function figureListOf(params: URLSearchParams): { contractId: string | null; lotId: string | null; individual: boolean } {
  return { contractId: params.get('contract'), lotId: params.get('perceel'), individual: params.get('individueel') === 'ja' };
}

/** The API filter's fields for whose placements a figure's list covers (figureListOf): only those the link gives. */
export function figureListFilter(list: { contractId: string | null; lotId: string | null; individual: boolean }) {
  return { ...(list.contractId ? { contractId: list.contractId } : {}), ...(list.lotId ? { lotId: list.lotId } : {}), ...(list.individual ? { individual: true } : {}) };
}

/** The text key of each completed module, for the notice above the list a result figure links to. */
export const COMPLETED_LABEL = { KNM: 'figures.knm', MAP: 'figures.map', PVT: 'figures.pvt', Z_COMPLETION: 'figures.zCompletion' } as const satisfies Record<CompletedModule, string>;

/**
 * The result figure a link came from (?voltooid=KNM, with &contract=…, &perceel=… or &individueel=ja (figureListOf), or
 * none for the whole region or all of a provider's contracts, and &periode=2026-K4; a provider's row per municipality also &gemeente=…), or null.
 */
export function completedFilterOf(params: URLSearchParams) {
  const module = (Object.keys(COMPLETED_LABEL) as CompletedModule[]).find((m) => m === params.get('voltooid'));
  if (!module) return null;
  return { module, ...figureListOf(params), period: figurePeriodOfKey(params.get('periode')), municipalityId: params.get('gemeente') };
}

/**
 * The hours figure (?uren=ja) or median wait (?wachttijd=ja) a link came from, with &contract=… or &perceel=…, or neither
 * for the whole region or all of a provider's contracts, and &periode=2026-K4 (a provider's row per municipality also
 * &gemeente=…); or null.
 */
export function caseloadFigureOf(params: URLSearchParams, flag: 'uren' | 'wachttijd') {
  if (params.get(flag) !== 'ja') return null;
  return { ...figureListOf(params), period: figurePeriodOfKey(params.get('periode')), municipalityId: params.get('gemeente') };
}
