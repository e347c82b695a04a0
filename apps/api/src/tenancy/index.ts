// The public face of tenancy/: other folders import only what is exported here.
export type { Actor } from './actor';
export { actingFor, actorInRequest, caseloadMunicipalitiesOf, municipalityScopeOf, providerScopeOf, regionScopeOf, tenantScopeOf } from './tenant-scope';
export type { MunicipalityId, ProviderId, RegionId, TenantScope } from './tenant-scope';
