import {
  causeKeyOf, ceilingPercentSpent, ceilingThresholdsCrossed, checkDisputeReason, checkPeriodHasApprovedData, checkPriceModelChangeDate, DEFAULT_VAT,
  deriveInvoiceLine, formatInvoiceNumber, invoiceTotals, isRuleViolation, lastDayOfMonth, milestonesReached, priceModelInForceOn, STANDARD_VAT,
  vatTreatmentOf, type DerivedInvoiceLine, type InvoiceCause, type PriceModelVersion,
} from './invoice-lines';
import type { RuleViolation } from './rule-violation';

const fixed: PriceModelVersion = {
  validFrom: '2026-01-01',
  model: { kind: 'FIXED_PER_TRAJECTORY', priceCents: 1_050_001, milestones: [{ name: 'Start', percentage: 40 }, { name: 'Halverwege', percentage: 30 }, { name: 'Afronding', percentage: 30 }] },
};
const hourly: PriceModelVersion = { validFrom: '2026-01-01', model: { kind: 'PER_HOUR', hourlyRateCents: 6_500 } };
const perModule: PriceModelVersion = { validFrom: '2026-01-01', model: { kind: 'PER_MODULE', pricePerModuleCents: 180_000 } };

const line = (value: DerivedInvoiceLine | RuleViolation): DerivedInvoiceLine => {
  if (isRuleViolation(value)) throw new Error(value.message);
  return value;
};
const refused = (value: DerivedInvoiceLine | RuleViolation): RuleViolation => {
  if (!isRuleViolation(value)) throw new Error(`expected a violation, got ${value.description}`);
  return value;
};

const milestone = (name: string, reachedOn = '2026-03-02'): InvoiceCause => ({ kind: 'MILESTONE', placementId: 'p1', clientNumber: 1042, route: 'B1-route', milestoneName: name, reachedOn });
const hours = (attendedMinutes: number, month = '2026-03-01'): InvoiceCause => ({ kind: 'HOURS', placementId: 'p1', clientNumber: 1042, route: 'KNM', month, attendedMinutes });

describe('deriveInvoiceLine: fixed price per trajectory (procurement: betaalmomenten)', () => {
  it('prices each milestone at its share, the rounding cent on the last one, once', () => {
    expect(line(deriveInvoiceLine(milestone('Start'), [fixed])).amountCents).toBe(420_000);
    expect(line(deriveInvoiceLine(milestone('Halverwege'), [fixed])).amountCents).toBe(315_000);
    expect(line(deriveInvoiceLine(milestone('Afronding'), [fixed])).amountCents).toBe(315_001);
  });

  it('names the client by number and route only, with one cause key per placement and milestone', () => {
    const start = line(deriveInvoiceLine(milestone('Start'), [fixed]));
    expect(start.description).toBe('Trajectprijs, betaalmoment Start (40%), inburgeraar 1042, B1-route, bereikt op 2-3-2026');
    expect(start).toMatchObject({ causeKey: 'MILESTONE:p1:start', quantity: 1, unitCode: 'C62', unitPriceCents: 420_000, baseQuantity: 1, lineDate: '2026-03-02' });
  });

  it('refuses a milestone the price model does not have', () => {
    expect(refused(deriveInvoiceLine(milestone('Examen'), [fixed])).code).toBe('MILESTONE_NOT_IN_PRICE_MODEL');
  });
});

describe('deriveInvoiceLine: price per hour', () => {
  it('prices a month of approved minutes, rounding the line once to whole cents', () => {
    const l = line(deriveInvoiceLine(hours(50), [hourly]));
    expect(l.amountCents).toBe(5_417); // 50/60 × € 65,00 = € 54,1666… → € 54,17, once for the whole month
    expect(l).toMatchObject({ causeKey: 'HOURS:p1:2026-03-01', quantity: 50, unitCode: 'MIN', baseQuantity: 60, unitPriceCents: 6_500 });
  });

  it('caps the minutes at the contract maximum per month and says so', () => {
    const l = line(deriveInvoiceLine(hours(1_500), [hourly], { maxMinutesPerMonth: 1_200 }));
    expect(l.amountCents).toBe(130_000);
    expect(l.quantity).toBe(1_200);
    expect(l.description).toContain('begrensd van 25 tot het contractmaximum');
  });
});

describe('deriveInvoiceLine: price per module', () => {
  it('prices one completed module per result', () => {
    const cause: InvoiceCause = { kind: 'MODULE', resultId: 'r1', placementId: 'p1', clientNumber: 7, route: 'B1-route', module: 'MAP', completedOn: '2026-04-10' };
    expect(line(deriveInvoiceLine(cause, [perModule]))).toMatchObject({ causeKey: 'MODULE:r1', amountCents: 180_000, description: 'Module MAP afgerond op 10-4-2026, inburgeraar 7, B1-route' });
  });
});

describe('deriveInvoiceLine: fixed amount per seat of a start moment', () => {
  const seat: InvoiceCause = { kind: 'SEAT', startMomentId: 's1', seats: 12, startsOn: '2026-05-04', location: 'Arnhem' };
  it('multiplies the contract seat price by the seats', () => {
    expect(line(deriveInvoiceLine(seat, [], { seatPriceCents: 25_000 }))).toMatchObject({ causeKey: 'SEAT:s1', quantity: 12, amountCents: 300_000 });
  });
  it('refuses seats when the contract has no seat price', () => {
    expect(refused(deriveInvoiceLine(seat, [])).code).toBe('PRICE_MODEL_MISMATCH');
  });
});

describe('price model in force on the line date (a change applies from its date, never backwards)', () => {
  const raised: PriceModelVersion = { validFrom: '2026-04-01', model: { kind: 'PER_HOUR', hourlyRateCents: 7_000 } };
  it('prices March at the old rate and April at the new one', () => {
    expect(line(deriveInvoiceLine(hours(60, '2026-03-01'), [hourly, raised])).amountCents).toBe(6_500);
    expect(line(deriveInvoiceLine(hours(60, '2026-04-01'), [raised, hourly])).amountCents).toBe(7_000);
    expect(priceModelInForceOn([raised, hourly], '2026-03-31')?.validFrom).toBe('2026-01-01');
  });
  it('refuses a line before any price model, and a line whose model has another kind', () => {
    expect(refused(deriveInvoiceLine(hours(60, '2025-12-01'), [hourly])).message).toBe('Op 1-12-2025 gold voor dit contract geen prijsafspraak; deze regel kan niet worden berekend.');
    expect(refused(deriveInvoiceLine(milestone('Start'), [hourly])).code).toBe('PRICE_MODEL_MISMATCH');
  });
  it('refuses a price model change that reaches back into invoiced dates', () => {
    expect(checkPriceModelChangeDate('2026-04-01', '2026-03-31')).toEqual([]);
    expect(checkPriceModelChangeDate('2026-04-01', null)).toEqual([]);
    const [v] = checkPriceModelChangeDate('2026-03-15', '2026-03-31');
    expect(v.code).toBe('PRICE_MODEL_ALREADY_INVOICED');
    expect(v.message).toContain('tot en met 31-3-2026');
  });
});

describe('milestonesReached', () => {
  const milestones = [{ name: 'Start' }, { name: 'Halverwege' }, { name: 'Afronding' }];
  it('reaches start at the start date and halfway at half the planned length', () => {
    expect(milestonesReached({ milestones, startDate: '2026-01-05', endedOn: null, completed: false, trajectoryMonths: 12, through: '2026-07-31' })).toEqual([
      { name: 'Start', reachedOn: '2026-01-05' },
      { name: 'Halverwege', reachedOn: '2026-07-05' },
    ]);
    expect(milestonesReached({ milestones, startDate: '2026-01-05', endedOn: null, completed: false, trajectoryMonths: 12, through: '2026-07-04' })).toHaveLength(1);
  });
  it('reaches completion only when the placement ended completed, and nothing before the start', () => {
    expect(milestonesReached({ milestones, startDate: '2026-01-05', endedOn: '2026-03-01', completed: true, trajectoryMonths: 12, through: '2026-03-31' }).map((m) => m.reachedOn))
      .toEqual(['2026-01-05', '2026-03-01', '2026-03-01']);
    expect(milestonesReached({ milestones, startDate: '2026-01-05', endedOn: '2026-03-01', completed: false, trajectoryMonths: 12, through: '2026-12-31' }).map((m) => m.name)).toEqual(['Start']);
    expect(milestonesReached({ milestones, startDate: null, endedOn: null, completed: false, trajectoryMonths: 12, through: '2026-12-31' })).toEqual([]);
  });
});

describe('VAT and totals (EN 16931 BR-CO-10..17)', () => {
  it('defaults to exempt (category E, art. 11 lid 1 o Wet OB 1968) and knows the standard rate', () => {
    expect(vatTreatmentOf(null)).toBe(DEFAULT_VAT);
    expect(DEFAULT_VAT).toMatchObject({ category: 'E', ratePercent: 0, exemptionReasonCode: 'VATEX-EU-132-1I' });
    expect(vatTreatmentOf('S')).toBe(STANDARD_VAT);
  });
  it('sums lines, adds no VAT when exempt and rounds VAT once on the total when standard', () => {
    expect(invoiceTotals([420_000, 5_417], DEFAULT_VAT)).toEqual({
      lineExtensionCents: 425_417, allowanceCents: 0, chargeCents: 0, taxExclusiveCents: 425_417, taxableCents: 425_417, taxCents: 0, taxInclusiveCents: 425_417, payableCents: 425_417,
    });
    const standard = invoiceTotals([5_417, 5_417], STANDARD_VAT);
    expect(standard.taxCents).toBe(2_275); // 21% of € 108,34 = € 22,7514 → € 22,75
    expect(standard.payableCents).toBe(10_834 + 2_275);
  });
});

describe('ceiling signals (regional policy: 80% and 100%)', () => {
  it('signals each threshold once, when an approval crosses it', () => {
    expect(ceilingThresholdsCrossed(70_000, 80_000, 100_000)).toEqual([80]);
    expect(ceilingThresholdsCrossed(80_000, 90_000, 100_000)).toEqual([]);
    expect(ceilingThresholdsCrossed(70_000, 100_000, 100_000)).toEqual([80, 100]);
    expect(ceilingThresholdsCrossed(0, 10, null)).toEqual([]);
    expect(ceilingPercentSpent(79_999, 100_000)).toBe(79);
  });
});

describe('bad input', () => {
  it('refuses a dispute without a reason', () => {
    expect(checkDisputeReason('  ')[0]).toMatchObject({ field: 'reason', code: 'DISPUTE_REASON_REQUIRED' });
    expect(checkDisputeReason('Uren dubbel geteld')).toEqual([]);
  });
  it('refuses a period without approved data', () => {
    expect(checkPeriodHasApprovedData(0, '2026-03-01')[0].message).toBe(
      'Er zijn voor 2026-03 geen goedgekeurde plaatsingen, uren of resultaten die nog niet gefactureerd zijn; er valt niets te factureren.',
    );
    expect(checkPeriodHasApprovedData(1, '2026-03-01')).toEqual([]);
  });
});

describe('numbers and periods', () => {
  it('numbers invoices and credit notes consecutively per provider', () => {
    expect(formatInvoiceNumber(2026, 7)).toBe('F2026-00007');
    expect(formatInvoiceNumber(2026, 8, 'CREDIT_NOTE')).toBe('C2026-00008');
    expect(lastDayOfMonth('2028-02-01')).toBe('2028-02-29');
    expect(causeKeyOf({ kind: 'MILESTONE', placementId: 'x', clientNumber: 1, route: 'B1', milestoneName: ' Start ', reachedOn: '2026-01-01' })).toBe('MILESTONE:x:start');
  });
});
