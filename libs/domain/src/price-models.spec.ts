import {
  FixedPerTrajectoryPrice, checkInvoiceWithinCeiling, checkMilestonesAddUpTo100, checkPriceModel, invoiceAmountForHours,
  invoiceAmountForMilestone, invoiceAmountForModules, milestoneAmountsCents,
} from './price-models';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe('checkMilestonesAddUpTo100', () => {
  it('accepts whole percentages that add up to exactly 100', () => {
    expect(checkMilestonesAddUpTo100([{ name: 'Start', percentage: 30 }, { name: 'Halverwege', percentage: 30 }, { name: 'Afronding', percentage: 40 }])).toEqual([]);
    expect(checkMilestonesAddUpTo100([{ name: 'Afronding', percentage: 100 }])).toEqual([]);
  });

  it('refuses 90% with a message naming the sum', () => {
    expect(checkMilestonesAddUpTo100([{ name: 'Start', percentage: 50 }, { name: 'Eind', percentage: 40 }])).toEqual([
      { field: 'milestones', code: 'MILESTONES_SUM_NOT_100', message: 'De betaalmomenten tellen op tot 90%; dat moet precies 100% zijn.' },
    ]);
    expect(codes(checkMilestonesAddUpTo100([{ name: 'Start', percentage: 60 }, { name: 'Eind', percentage: 41 }]))).toEqual(['MILESTONES_SUM_NOT_100']);
  });

  it('refuses no milestones, zero, fractions, empty and duplicate names', () => {
    expect(codes(checkMilestonesAddUpTo100([]))).toEqual(['MILESTONES_REQUIRED']);
    expect(checkMilestonesAddUpTo100([{ name: 'Start', percentage: 0 }, { name: 'Eind', percentage: 100 }]).map((v) => v.field)).toEqual(['milestones.0.percentage']);
    expect(codes(checkMilestonesAddUpTo100([{ name: 'Start', percentage: 50.5 }, { name: 'Eind', percentage: 49.5 }]))).toEqual([
      'MILESTONE_PERCENTAGE_INVALID',
      'MILESTONE_PERCENTAGE_INVALID',
    ]);
    expect(codes(checkMilestonesAddUpTo100([{ name: ' ', percentage: 50 }, { name: 'Eind', percentage: 50 }]))).toEqual(['MILESTONE_NAME_REQUIRED']);
    expect(codes(checkMilestonesAddUpTo100([{ name: 'Eind', percentage: 50 }, { name: 'eind', percentage: 50 }]))).toEqual(['MILESTONE_NAME_DUPLICATE']);
  });
});

describe('price models', () => {
  const fixed: FixedPerTrajectoryPrice = {
    kind: 'FIXED_PER_TRAJECTORY',
    priceCents: 100_001,
    milestones: [{ name: 'Start', percentage: 33 }, { name: 'Halverwege', percentage: 33 }, { name: 'Afronding', percentage: 34 }],
  };

  it('checks every kind, with field paths into the model', () => {
    expect(checkPriceModel(fixed)).toEqual([]);
    expect(checkPriceModel({ ...fixed, priceCents: 0, milestones: [] }).map((v) => v.field)).toEqual(['priceModel.priceCents', 'priceModel.milestones']);
    expect(codes(checkPriceModel({ kind: 'PER_HOUR', hourlyRateCents: 62.5 }))).toEqual(['PRICE_NOT_POSITIVE']);
    expect(checkPriceModel({ kind: 'PER_MODULE', pricePerModuleCents: 150_000 })).toEqual([]);
  });

  it('splits a fixed price over milestones without losing a cent', () => {
    expect(milestoneAmountsCents(100_001, fixed.milestones)).toEqual([33_000, 33_000, 34_001]);
    expect(invoiceAmountForMilestone(fixed, 'Halverwege')).toBe(33_000);
    expect(invoiceAmountForMilestone(fixed, 'Afronding')).toBe(34_001);
    expect(invoiceAmountForMilestone(fixed, 'Onbekend')).toBeNull();
  });

  it('prices hours and modules', () => {
    expect(invoiceAmountForHours({ kind: 'PER_HOUR', hourlyRateCents: 6_000 }, 90)).toBe(9_000);
    expect(invoiceAmountForHours({ kind: 'PER_HOUR', hourlyRateCents: 6_001 }, 1)).toBe(100);
    expect(invoiceAmountForModules({ kind: 'PER_MODULE', pricePerModuleCents: 150_000 }, 3)).toBe(450_000);
  });
});

describe('checkInvoiceWithinCeiling', () => {
  it('allows reaching the ceiling exactly and refuses one cent more', () => {
    expect(checkInvoiceWithinCeiling({ alreadyInvoicedCents: 90_000, amountCents: 10_000, ceilingCents: 100_000 })).toEqual([]);
    const [over] = checkInvoiceWithinCeiling({ alreadyInvoicedCents: 90_000, amountCents: 10_001, ceilingCents: 100_000 });
    expect(over.code).toBe('INVOICE_EXCEEDS_CEILING');
    expect(over.message).toBe('Deze factuur (€\u00a0100,01) overschrijdt het contractplafond van €\u00a01.000,00; er is nog €\u00a0100,00 beschikbaar.');
  });
});
