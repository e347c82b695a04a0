// Contract management figures (issue #10): intake, hours, results, the region's KPIs, money, quarters, small numbers.
export * from './small-numbers';
export * from './quarters';
export * from './figure-period';
export * from './intake-figures';
export * from './hour-figures';
export * from './result-figures';
export * from './client-outcomes';
export * from './region-kpis';
export * from './spend-figures';
export * from './quarterly-reports';
export * from './route-estimate';
export * from './municipality-budget';
