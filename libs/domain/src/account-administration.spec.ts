import { assignableRoles, CBS_MUNICIPALITY_CODE, KVK_NUMBER_PATTERN, OIN_PATTERN, rolesForOrganisationKind } from './account-administration';

describe('rolesForOrganisationKind', () => {
  it('gives each organisation kind only its own roles', () => {
    expect(rolesForOrganisationKind('REGION')).toEqual(['PROJECTLEIDER', 'ADMIN']);
    expect(rolesForOrganisationKind('MUNICIPALITY')).toEqual(['CONSULTANT', 'FINANCIAL_OFFICER']);
    expect(rolesForOrganisationKind('SHARED_SERVICE')).toEqual(['CONSULTANT']);
    expect(rolesForOrganisationKind('PROVIDER')).toEqual(['PROVIDER_USER', 'TEACHER']);
  });
});

describe('assignableRoles', () => {
  it('lets a provider administrator hand out only staff and teacher roles of a provider', () => {
    expect(assignableRoles('PROVIDER_ADMIN', 'PROVIDER')).toEqual(['PROVIDER_USER', 'TEACHER']);
    expect(assignableRoles('PROVIDER_ADMIN', 'MUNICIPALITY')).toEqual([]);
    expect(assignableRoles('PROVIDER_ADMIN', 'REGION')).toEqual([]);
  });

  it('lets the region administrator hand out every role the organisation kind allows', () => {
    expect(assignableRoles('REGION_ADMIN', 'REGION')).toEqual(['PROJECTLEIDER', 'ADMIN']);
    expect(assignableRoles('REGION_ADMIN', 'MUNICIPALITY')).toEqual(['CONSULTANT', 'FINANCIAL_OFFICER']);
  });
});

describe('registration number patterns', () => {
  it('accepts CBS codes, OINs and KvK numbers of the right shape only', () => {
    expect(CBS_MUNICIPALITY_CODE.test('GM0202')).toBe(true);
    expect(CBS_MUNICIPALITY_CODE.test('gm0202')).toBe(false);
    expect(CBS_MUNICIPALITY_CODE.test('GM202')).toBe(false);
    expect(OIN_PATTERN.test('00000001001589623000')).toBe(true);
    expect(OIN_PATTERN.test('0000000100158962300')).toBe(false);
    expect(KVK_NUMBER_PATTERN.test('12345678')).toBe(true);
    expect(KVK_NUMBER_PATTERN.test('1234567')).toBe(false);
  });
});
