// The procurement slice (lots, contracts, capacity, quality requirements): what it adds to the API and the worker.
import type { Type } from '@nestjs/common';
import { CapacityOverviewService } from './capacity-overview.service';
import { CapacityResolver } from './capacity.resolver';
import { ContractsResolver } from './contracts.resolver';
import { ContractsService } from './contracts.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { ScanProviderJob, ScanQualityJob } from './procurement-signal.jobs';
import { QualityResolver } from './quality.resolver';
import { QualityService } from './quality.service';
import { RegionSetupResolver } from './region-setup.resolver';
import { RegionSetupService } from './region-setup.service';
import { StartMomentsService } from './start-moments.service';

export const PROCUREMENT_RESOLVERS: Type[] = [RegionSetupResolver, ContractsResolver, CapacityResolver, QualityResolver];
export const PROCUREMENT_SERVICES: Type[] = [RegionSetupService, ContractsService, StartMomentsService, CapacityOverviewService, QualityService, DocumentsService];
export const PROCUREMENT_CONTROLLERS: Type[] = [DocumentsController];
export const PROCUREMENT_JOB_HANDLERS: Type[] = [ScanQualityJob, ScanProviderJob];
