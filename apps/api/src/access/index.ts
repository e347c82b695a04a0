export { AccessModule } from './access.module';
export { AccessService } from './access.service';
export type { AccessKind } from './access.repository';
export { scopeToContracts } from './contract-scope';
export { scopeToVisibleGroups, scopeToVisibleLessons } from './presence-scope';
export { scopeToProviderPlacements } from './placement-scope';
