import type { Actor } from '../../apps/api/src/tenancy/actor';
import { actingFor, caseloadMunicipalitiesOf, municipalityScopeOf, providerScopeOf, type MunicipalityId } from '../../apps/api/src/tenancy/tenant-scope';

// Compile-time proof (checked by `tsc -p test` in npm test): a tenant id cannot be made up from a plain string.
function queryForMunicipality(municipalityId: MunicipalityId): string {
  return municipalityId;
}

const consultant: Actor = { userId: 'u', role: 'CONSULTANT', organisationId: 'gm', organisationKind: 'MUNICIPALITY', regionId: 'r' };
const provider: Actor = { userId: 'p', role: 'PROVIDER_USER', organisationId: 'pr', organisationKind: 'PROVIDER', regionId: null };

it('only an authenticated actor yields a municipality scope', () => {
  // @ts-expect-error a plain string is not a MunicipalityId
  queryForMunicipality('gm');
  // @ts-expect-error a provider id is not a municipality id
  queryForMunicipality(providerScopeOf(provider));
  expect(queryForMunicipality(municipalityScopeOf(consultant))).toBe('gm');
  expect(() => municipalityScopeOf(provider)).toThrow('U heeft geen toegang tot deze gegevens.');
});

it('a shared service acts for one of its municipalities per request, never for another one', () => {
  const service: Actor = {
    userId: 's', role: 'CONSULTANT', organisationId: 'svc', organisationKind: 'SHARED_SERVICE', regionId: 'r', sharedService: { id: 'svc', municipalityIds: ['gm1', 'gm2'] },
  };
  expect(() => municipalityScopeOf(service)).toThrow('U heeft geen toegang tot deze gegevens.');
  expect(municipalityScopeOf(actingFor(service, null))).toBe('gm1');
  expect(municipalityScopeOf(actingFor(service, 'gm2'))).toBe('gm2');
  expect(() => municipalityScopeOf(actingFor(service, 'gm9'))).toThrow('U heeft geen toegang tot deze gegevens.');
  expect(caseloadMunicipalitiesOf(actingFor(service, 'gm2'))).toEqual(['gm1', 'gm2']);
  expect(caseloadMunicipalitiesOf(actingFor(service, 'gm2'), 'gm9')).toEqual([]);
  // Anyone else ignores the choice.
  expect(actingFor(consultant, 'gm2')).toBe(consultant);
  expect(caseloadMunicipalitiesOf(consultant)).toEqual(['gm']);
});
