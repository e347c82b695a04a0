import { CONTRACT_STATUSES, checkKeurmerkForContract, isContractRunning } from './contract-rules';
import { EVIDENCE_STATUSES, evidencePeriodStatusLabel, type EvidencePeriodStatus } from './quality-requirements';
import { LOT_SUBJECTS } from './routes';
import { priceModelLabel, type PriceModelKind } from './price-models';
import {
  EVIDENCE_DECISIONS, EVIDENCE_PERIOD_STATUSES, EVIDENCE_STATUSES_COVERING_PERIOD, KEURMERK_REQUIRED_SUBJECTS, PRICE_MODEL_KINDS, RUNNING_CONTRACT_STATUSES,
} from './procurement-vocabularies';

describe('procurement vocabularies', () => {
  // Platform rule: a provider works under an active or extended contract (isContractRunning).
  it('running contract statuses are exactly those isContractRunning accepts', () => {
    expect(CONTRACT_STATUSES.filter(isContractRunning)).toEqual([...RUNNING_CONTRACT_STATUSES]);
  });

  // Wi2021, DUO rule for the inburgeringsaanbod: B1 and Z need the Blik op Werk keurmerk.
  it('keurmerk subjects are exactly those checkKeurmerkForContract refuses without a keurmerk', () => {
    const needs = LOT_SUBJECTS.filter((subject) =>
      checkKeurmerkForContract({ subject, status: 'ACTIVE', provider: { keurmerkValidUntil: null, isTaalschakelInstitution: true }, today: '2026-01-01' }).length > 0);
    expect(needs).toEqual([...KEURMERK_REQUIRED_SUBJECTS]);
  });

  // Platform rule: evidence waiting for review or accepted covers its period; rejected evidence does not.
  it('evidence covering a period is submitted or accepted, never rejected', () => {
    expect(EVIDENCE_STATUSES_COVERING_PERIOD.every((s) => EVIDENCE_STATUSES.includes(s))).toBe(true);
    expect(EVIDENCE_STATUSES_COVERING_PERIOD).not.toContain('REJECTED');
  });

  // Every period status and decision has a Dutch label / is an evidence status.
  it('period statuses all have a label and decisions are evidence statuses', () => {
    for (const status of EVIDENCE_PERIOD_STATUSES) expect(evidencePeriodStatusLabel(status as EvidencePeriodStatus)).toBeTruthy();
    for (const decision of EVIDENCE_DECISIONS) expect(EVIDENCE_STATUSES).toContain(decision);
  });

  // Price models of the contracts (DOMAIN §4): each kind has a label.
  it('price model kinds all have a label', () => {
    for (const kind of PRICE_MODEL_KINDS) expect(priceModelLabel(kind as PriceModelKind)).toBeTruthy();
  });
});
