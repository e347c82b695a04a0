// The public face of database/: other folders import only what is exported here.
export { DatabaseModule } from './database.module';
export { AbsenceRuleEntity, AppUserEntity, ClientEntity, ClientHistoryEntity, ContractEntity, ContractVersionEntity, DeadlineSignalEntity, HourEntryEntity, HourMonthTotalEntity, HourPeriodEntity, ImportBatchEntity, IntegrationResultEntity, ClientOutcomeEntity, QuarterlyReportEntity, JobExecutionEntity, LotEntity, LotMunicipalityEntity, OrganisationEntity, PlacementEntity, PlacementEventEntity, QualityEvidenceEntity, QualityRequirementEntity, SignalEntity, StartMomentEntity, StoredDocumentEntity, SubRegionEntity, SubRegionMunicipalityEntity } from './entities';
export { ContractInvoiceSettingEntity, InvoiceDisputeEntity, InvoiceEntity, InvoiceLineEntity, InvoiceNumberCounterEntity, InvoicePartyEntity } from './entities';
export { PresenceCredentialEntity, PresenceGroupEntity, PresenceGroupMemberEntity, PresenceLessonEntity, PresenceMarkEntity } from './entities';
export type { UserRole } from './entities/app-user.entity';
export type { OrganisationKind } from './entities/organisation.entity';
export { DuoClientStateEntity, DuoContactPersonEntity, DuoLinkEntity, DuoMessageEntity, DuoNotificationEntity } from './entities/duo.entity';
export { OutboxMessageEntity } from './entities/outbox-message.entity';
export { ProcessingLogEntity } from './entities/processing-log.entity';
export { UserSessionEntity } from './entities/user-session.entity';
export { ClientNumberCounterEntity } from './entities/client-number-counter.entity';
export { MapPartChoiceEntity, MapPartEntity } from './entities/map-part.entity';
export { SharedServiceMunicipalityEntity } from './entities/shared-service.entity';
export { MunicipalityBudgetEntity, RegionRouteEstimateEntity } from './entities/planning.entity';
export { AdminChangeEntity, OutgoingMailEntity, UserInvitationEntity } from './entities/administration.entity';
export { openDataSource } from './open-data-source';
