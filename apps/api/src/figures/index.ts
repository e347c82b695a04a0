// The public face of figures/: other folders import only what is exported here.
export { FIGURE_JOB_HANDLERS, FIGURE_RESOLVERS, FiguresModule } from './figures.module';
export { ContractReportService } from './reports/contract-report.service';
export { completedModuleSql, examAttemptOfCellSql, hourSourceSql, individualPlacementOfProviderSql, individualPlacementOfRegionSql, individualPlacementSql, waitCohortSql } from './figures.repository';
