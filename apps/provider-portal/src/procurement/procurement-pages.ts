import type { Role } from '@inburgering/contracts';

// The pages of the procurement slice (issue 3) in the role menu (spread into layout/navigation.ts).
export type ProcurementNavLabelKey = `procurementNav.${
  | 'capacity' | 'lots' | 'newLot' | 'contracts' | 'contract' | 'newContract' | 'editContract' | 'review'
  | 'myContracts' | 'startMoments' | 'quality' | 'submitEvidence' | 'regionSetup'}`;

export const PROCUREMENT_PATHS = {
  capacity: '/capaciteit',
  lots: '/percelen',
  newLot: '/percelen/nieuw',
  contracts: '/contracten',
  newContract: '/contracten/nieuw',
  contract: '/contract',
  editContract: '/contract/wijzigen',
  review: '/kwaliteit/beoordelen',
  myContracts: '/mijn-contracten',
  startMoments: '/instroommomenten',
  quality: '/kwaliteitseisen',
  submitEvidence: '/kwaliteitseisen/bewijs',
  regionSetup: '/regio-inrichting',
} as const;

const REGION: readonly Role[] = ['PROJECTLEIDER', 'ADMIN'];

/** The capacity overview comes first: it is the projectleider's start page. */
export const PROCUREMENT_PAGES: readonly { path: string; labelKey: ProcurementNavLabelKey; roles: readonly Role[]; hidden?: boolean }[] = [
  { path: PROCUREMENT_PATHS.capacity, labelKey: 'procurementNav.capacity', roles: [...REGION, 'CONSULTANT'] },
  { path: PROCUREMENT_PATHS.lots, labelKey: 'procurementNav.lots', roles: REGION },
  { path: PROCUREMENT_PATHS.contracts, labelKey: 'procurementNav.contracts', roles: REGION },
  { path: PROCUREMENT_PATHS.review, labelKey: 'procurementNav.review', roles: REGION },
  { path: PROCUREMENT_PATHS.regionSetup, labelKey: 'procurementNav.regionSetup', roles: REGION },
  { path: PROCUREMENT_PATHS.myContracts, labelKey: 'procurementNav.myContracts', roles: ['PROVIDER_USER'] },
  { path: PROCUREMENT_PATHS.startMoments, labelKey: 'procurementNav.startMoments', roles: ['PROVIDER_USER'] },
  { path: PROCUREMENT_PATHS.quality, labelKey: 'procurementNav.quality', roles: ['PROVIDER_USER'] },
  { path: PROCUREMENT_PATHS.newLot, labelKey: 'procurementNav.newLot', roles: REGION, hidden: true },
  { path: PROCUREMENT_PATHS.newContract, labelKey: 'procurementNav.newContract', roles: REGION, hidden: true },
  { path: PROCUREMENT_PATHS.contract, labelKey: 'procurementNav.contract', roles: [...REGION, 'PROVIDER_USER'], hidden: true },
  { path: PROCUREMENT_PATHS.editContract, labelKey: 'procurementNav.editContract', roles: REGION, hidden: true },
  { path: PROCUREMENT_PATHS.submitEvidence, labelKey: 'procurementNav.submitEvidence', roles: ['PROVIDER_USER'], hidden: true },
];

/** Pages of one contract or requirement carry its id in the query string, so the route table stays flat. */
export const contractPath = (contractId: string) => `${PROCUREMENT_PATHS.contract}?id=${encodeURIComponent(contractId)}`;
export const editContractPath = (contractId: string) => `${PROCUREMENT_PATHS.editContract}?id=${encodeURIComponent(contractId)}`;
export const submitEvidencePath = (requirementId: string) => `${PROCUREMENT_PATHS.submitEvidence}?id=${encodeURIComponent(requirementId)}`;
