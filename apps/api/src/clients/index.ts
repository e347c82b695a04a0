// The public face of clients/: other folders import only what is exported here.
export { CompletedModuleGql, ExamOutcomeGql, IntakeStageGql, MoveClientInput, SwitchRouteInput } from './client-inputs';
export { deadlinesOfClient } from './client-row';
export { ClientType, DATE, DeadlineStatusGql, ExamPartGql, LevelGql, RouteGql } from './client.types';
export { CLIENT_RESOLVERS, ClientsModule } from './clients.module';
export { clientsRepository, lockClient } from './clients.repository';
export { ClientsService } from './clients.service';
