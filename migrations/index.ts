import { CreateFoundation1795447532735 } from './1795447532735-CreateFoundation';
import { AddProcurementAndPlacements1795448160837 } from './1795448160837-AddProcurementAndPlacements';
import { AddHoursResultsAndImports1795448565135 } from './1795448565135-AddHoursResultsAndImports';
import { AddProviderCreatedByRegion1795500000000 } from './1795500000000-AddProviderCreatedByRegion';
import { AddFirstPipAndResolvedDeadlineSignals1795537080000 } from './1795537080000-AddFirstPipAndResolvedDeadlineSignals';
import { AddOutboxCompletion1795610000000 } from './1795610000000-AddOutboxCompletion';
import { AddHourMonthTotals1795620000000 } from './1795620000000-AddHourMonthTotals';
import { AddInvoices1795650000000 } from './1795650000000-AddInvoices';
import { AddClientNumberCounter1795660000000 } from './1795660000000-AddClientNumberCounter';
import { AddDuoLink1795670000000 } from './1795670000000-AddDuoLink';
import { AddPresenceLists1795680000000 } from './1795680000000-AddPresenceLists';
import { IndexHourEntryCorrects1795690000000 } from './1795690000000-IndexHourEntryCorrects';
import { AddDuoContactPerson1795720000000 } from './1795720000000-AddDuoContactPerson';
import { AddInvoiceCreditGuards1795730000000 } from './1795730000000-AddInvoiceCreditGuards';
import { AddDuoMessageClaim1795740000000 } from './1795740000000-AddDuoMessageClaim';
import { AddClientOutcome1795750000000 } from './1795750000000-AddClientOutcome';
import { AddQuarterlyReport1795760000000 } from './1795760000000-AddQuarterlyReport';
import { AddIndividualPlacement1795770000000 } from './1795770000000-AddIndividualPlacement';
import { RemoveNamesFromAbsenceSignals1795810000000 } from './1795810000000-RemoveNamesFromAbsenceSignals';
import { AddPersonalDataRetention1795860000000 } from './1795860000000-AddPersonalDataRetention';
import { AddSsoPrivateKeyJwt1795900000000 } from './1795900000000-AddSsoPrivateKeyJwt';
import { AddPasskeys1795870000000 } from './1795870000000-AddPasskeys';
import { AddHourPlacementMonths1795910000000 } from './1795910000000-AddHourPlacementMonths';
import { IndexPlacementContract1795920000000 } from './1795920000000-IndexPlacementContract';
import { AddFiguresDataVersion1795960000000 } from './1795960000000-AddFiguresDataVersion';
import { ScopeFiguresDataVersionToRegions1795970000000 } from './1795970000000-ScopeFiguresDataVersionToRegions';
import { StoreCaseloadUrgency1796300000000 } from './1796300000000-StoreCaseloadUrgency';
import { RecordFiguresChangeSource1796400000000 } from './1796400000000-RecordFiguresChangeSource';
import { SpreadHourMonthTotals1796500000000 } from './1796500000000-SpreadHourMonthTotals';
import { AddSingleSignOn1795840000000 } from './1795840000000-AddSingleSignOn';
import { AddAdministration1795850000000 } from './1795850000000-AddAdministration';
import { AddInstroomklas1795780000000 } from './1795780000000-AddInstroomklas';
import { AddLotAgeBand1795781000000 } from './1795781000000-AddLotAgeBand';
import { AddMapPartCatalogue1795800000000 } from './1795800000000-AddMapPartCatalogue';
import { AddSharedService1795790000000 } from './1795790000000-AddSharedService';
import { AddBudgetsAndRouteEstimate1795791000000 } from './1795791000000-AddBudgetsAndRouteEstimate';
import { AddSecondFactor1795830000000 } from './1795830000000-AddSecondFactor';
import { AddClientDeadlines1795820000000 } from './1795820000000-AddClientDeadlines';
import { IndexProviderPlacements1796200000000 } from './1796200000000-IndexProviderPlacements';

// Every migration in order. Migrations import nothing from the application: they are frozen SQL.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ALL_MIGRATIONS: Function[] = [
  CreateFoundation1795447532735,
  AddProcurementAndPlacements1795448160837,
  AddHoursResultsAndImports1795448565135,
  AddProviderCreatedByRegion1795500000000,
  AddFirstPipAndResolvedDeadlineSignals1795537080000,
  AddOutboxCompletion1795610000000,
  AddHourMonthTotals1795620000000,
  AddInvoices1795650000000,
  AddClientNumberCounter1795660000000,
  AddDuoLink1795670000000,
  AddPresenceLists1795680000000,
  IndexHourEntryCorrects1795690000000,
  AddDuoContactPerson1795720000000,
  AddInvoiceCreditGuards1795730000000,
  AddDuoMessageClaim1795740000000,
  AddClientOutcome1795750000000,
  AddQuarterlyReport1795760000000,
  AddIndividualPlacement1795770000000,
  AddInstroomklas1795780000000,
  AddLotAgeBand1795781000000,
  AddSharedService1795790000000,
  AddBudgetsAndRouteEstimate1795791000000,
  AddMapPartCatalogue1795800000000,
  RemoveNamesFromAbsenceSignals1795810000000,
  AddClientDeadlines1795820000000,
  AddSecondFactor1795830000000,
  AddSingleSignOn1795840000000,
  AddAdministration1795850000000,
  AddPersonalDataRetention1795860000000,
  AddPasskeys1795870000000,
  AddSsoPrivateKeyJwt1795900000000,
  AddHourPlacementMonths1795910000000,
  IndexPlacementContract1795920000000,
  AddFiguresDataVersion1795960000000,
  ScopeFiguresDataVersionToRegions1795970000000,
  IndexProviderPlacements1796200000000,
  StoreCaseloadUrgency1796300000000,
  RecordFiguresChangeSource1796400000000,
  SpreadHourMonthTotals1796500000000,
];
