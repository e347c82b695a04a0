import './procurement.css';
import type { ReactElement } from 'react';
import { LotsPage } from '../lots/LotsPage';
import { CapacityPage } from './capacity/CapacityPage';
import { ContractPage } from './contracts/ContractPage';
import { ContractsPage } from './contracts/ContractsPage';
import { CreateContractPage } from './contracts/CreateContractPage';
import { EditContractPage } from './contracts/EditContractPage';
import { CreateLotPage } from './lots/CreateLotPage';
import { PROCUREMENT_PATHS } from './procurement-pages';
import { QualityRequirementsPage } from './quality/QualityRequirementsPage';
import { ReviewQueuePage } from './quality/ReviewQueuePage';
import { SubmitEvidencePage } from './quality/SubmitEvidencePage';
import { RegionSetupPage } from './region-setup/RegionSetupPage';
import { StartMomentsPage } from './start-moments/StartMomentsPage';

/** The page component behind each path of PROCUREMENT_PAGES. */
export const PROCUREMENT_PAGE_ELEMENTS: Record<string, ReactElement> = {
  [PROCUREMENT_PATHS.capacity]: <CapacityPage />,
  [PROCUREMENT_PATHS.lots]: <LotsPage variant="region" />,
  [PROCUREMENT_PATHS.newLot]: <CreateLotPage />,
  [PROCUREMENT_PATHS.contracts]: <ContractsPage variant="region" />,
  [PROCUREMENT_PATHS.newContract]: <CreateContractPage />,
  [PROCUREMENT_PATHS.contract]: <ContractPage />,
  [PROCUREMENT_PATHS.editContract]: <EditContractPage />,
  [PROCUREMENT_PATHS.review]: <ReviewQueuePage />,
  [PROCUREMENT_PATHS.myContracts]: <ContractsPage variant="provider" />,
  [PROCUREMENT_PATHS.startMoments]: <StartMomentsPage />,
  [PROCUREMENT_PATHS.quality]: <QualityRequirementsPage />,
  [PROCUREMENT_PATHS.submitEvidence]: <SubmitEvidencePage />,
  [PROCUREMENT_PATHS.regionSetup]: <RegionSetupPage />,
};
