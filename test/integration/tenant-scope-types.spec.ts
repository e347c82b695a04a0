import type { Actor } from '../../apps/api/src/tenancy/actor';
import { municipalityScopeOf, providerScopeOf, type MunicipalityId } from '../../apps/api/src/tenancy/tenant-scope';

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
