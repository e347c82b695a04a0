import { HourEntryEntity } from './hour-entry.entity';
import { HourMonthTotalEntity } from './hour-month-total.entity';
import { HourPlacementMonthEntity } from './hour-placement-month.entity';
import { HourPeriodEntity } from './hour-period.entity';
import { ImportBatchEntity } from './import-batch.entity';
import { IntegrationResultEntity } from './integration-result.entity';
import { ClientOutcomeEntity } from './client-outcome.entity';
import { MapPartChoiceEntity, MapPartEntity } from './map-part.entity';
import { QuarterlyReportEntity } from './quarterly-report.entity';
import { AbsenceRuleEntity } from './absence-rule.entity';
import { ContractVersionEntity } from './contract-version.entity';
import { StartMomentEntity } from './start-moment.entity';
import { QualityRequirementEntity } from './quality-requirement.entity';
import { StoredDocumentEntity } from './stored-document.entity';
import { QualityEvidenceEntity } from './quality-evidence.entity';
import { SignalEntity } from './signal.entity';
import { PlacementEntity } from './placement.entity';
import { PlacementEventEntity } from './placement-event.entity';
import { ClientHistoryEntity } from './client-history.entity';
import { AppUserEntity } from './app-user.entity';
import { ClientEntity } from './client.entity';
import { ClientDeadlineEntity } from './client-deadline.entity';
import { ClientNumberCounterEntity } from './client-number-counter.entity';
import { SharedServiceMunicipalityEntity } from './shared-service.entity';
import { MunicipalityBudgetEntity, RegionRouteEstimateEntity } from './planning.entity';
import { ContractEntity } from './contract.entity';
import { DeadlineSignalEntity } from './deadline-signal.entity';
import { JobExecutionEntity } from './job-execution.entity';
import { LotEntity, LotMunicipalityEntity } from './lot.entity';
import { OrganisationEntity } from './organisation.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { ProcessingLogEntity } from './processing-log.entity';
import { SubRegionEntity, SubRegionMunicipalityEntity } from './sub-region.entity';
import { UserSessionEntity } from './user-session.entity';
import { RetentionPolicyEntity, RetentionRunEntity } from './retention.entity';
import { SsoConnectionEntity, SsoIdentityEntity, SsoLoginAttemptEntity, SsoSessionEntity } from './sso.entity';
import { UserRecoveryCodeEntity, UserTotpEntity } from './second-factor.entity';
import { PasskeyChallengeEntity, UserPasskeyEntity } from './passkey.entity';
import { AdminChangeEntity, OutgoingMailEntity, UserInvitationEntity } from './administration.entity';
import { ContractInvoiceSettingEntity, InvoiceDisputeEntity, InvoiceEntity, InvoiceLineEntity, InvoiceNumberCounterEntity, InvoicePartyEntity } from './invoice.entity';
import { DuoClientStateEntity, DuoContactPersonEntity, DuoLinkEntity, DuoMessageEntity, DuoNotificationEntity } from './duo.entity';

import { PresenceCredentialEntity, PresenceGroupEntity, PresenceGroupMemberEntity, PresenceLessonEntity, PresenceMarkEntity } from './presence.entity';

export const ALL_ENTITIES = [
  RetentionPolicyEntity,
  RetentionRunEntity,
  ClientDeadlineEntity,
  DuoLinkEntity,
  DuoMessageEntity,
  DuoNotificationEntity,
  DuoClientStateEntity,
  DuoContactPersonEntity,
  PresenceGroupEntity,
  PresenceGroupMemberEntity,
  PresenceLessonEntity,
  PresenceCredentialEntity,
  PresenceMarkEntity,
  OrganisationEntity,
  SubRegionEntity,
  SubRegionMunicipalityEntity,
  AppUserEntity,
  UserSessionEntity,
  UserTotpEntity,
  UserRecoveryCodeEntity,
  UserPasskeyEntity,
  PasskeyChallengeEntity,
  LotEntity,
  LotMunicipalityEntity,
  ContractEntity,
  ClientEntity,
  ProcessingLogEntity,
  OutboxMessageEntity,
  JobExecutionEntity,
  DeadlineSignalEntity,
  ContractVersionEntity,
  StartMomentEntity,
  QualityRequirementEntity,
  StoredDocumentEntity,
  QualityEvidenceEntity,
  SignalEntity,
  PlacementEntity,
  PlacementEventEntity,
  ClientHistoryEntity,
  HourEntryEntity,
  HourPeriodEntity,
  HourMonthTotalEntity,
  HourPlacementMonthEntity,
  ImportBatchEntity,
  IntegrationResultEntity,
  ClientOutcomeEntity,
  QuarterlyReportEntity,
  AbsenceRuleEntity,
  ContractInvoiceSettingEntity,
  InvoicePartyEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  InvoiceDisputeEntity,
  InvoiceNumberCounterEntity,
  ClientNumberCounterEntity,
  MapPartEntity,
  MapPartChoiceEntity,
  SharedServiceMunicipalityEntity,
  MunicipalityBudgetEntity,
  RegionRouteEstimateEntity,
  SsoConnectionEntity,
  SsoIdentityEntity,
  SsoLoginAttemptEntity,
  SsoSessionEntity,
  UserInvitationEntity,
  OutgoingMailEntity,
  AdminChangeEntity,
];

export {
  ClientDeadlineEntity,
  UserInvitationEntity,
  OutgoingMailEntity,
  AdminChangeEntity,
  MapPartEntity,
  MapPartChoiceEntity,
  ClientNumberCounterEntity,
  SharedServiceMunicipalityEntity,
  PresenceGroupEntity,
  PresenceGroupMemberEntity,
  PresenceLessonEntity,
  PresenceCredentialEntity,
  PresenceMarkEntity,
  HourEntryEntity,
  HourPeriodEntity,
  HourMonthTotalEntity,
  HourPlacementMonthEntity,
  ImportBatchEntity,
  IntegrationResultEntity,
  ClientOutcomeEntity,
  QuarterlyReportEntity,
  AbsenceRuleEntity,
  ContractVersionEntity,
  StartMomentEntity,
  QualityRequirementEntity,
  StoredDocumentEntity,
  QualityEvidenceEntity,
  SignalEntity,
  PlacementEntity,
  PlacementEventEntity,
  ClientHistoryEntity,
  AppUserEntity,
  ClientEntity,
  ContractEntity,
  DeadlineSignalEntity,
  JobExecutionEntity,
  LotEntity,
  LotMunicipalityEntity,
  OrganisationEntity,
  OutboxMessageEntity,
  ProcessingLogEntity,
  SubRegionEntity,
  SubRegionMunicipalityEntity,
  UserSessionEntity,
  ContractInvoiceSettingEntity,
  InvoicePartyEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  InvoiceDisputeEntity,
  InvoiceNumberCounterEntity,
  DuoLinkEntity,
  DuoMessageEntity,
  DuoNotificationEntity,
  DuoClientStateEntity,
  DuoContactPersonEntity,
};
