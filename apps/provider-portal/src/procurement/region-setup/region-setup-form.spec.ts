import { describe, expect, it } from '@jest/globals';
import { EMPTY_PROVIDER, municipalityName, providerFormOf, toCreateSubRegionInput, toSaveProviderInput, type SetupProvider } from './region-setup-form';

const messages = { dateInvalid: 'datum', kindRequired: 'soort', nameRequired: 'naam', kvkInvalid: 'kvk' };

const SAGENN: SetupProvider = {
  id: 'p1', name: 'Sagenn', kvkNumber: '09115430', providerKind: 'LANGUAGE_SCHOOL', keurmerkNumber: 'BoW-INB-5430', keurmerkValidUntil: '2027-01-07',
  keurmerkStatus: 'EXPIRING', duoInstitutionNumber: null, isTaalschakelInstitution: false,
};

describe('the sub-region form', () => {
  it('trims the name and sends each municipality once', () => {
    expect(toCreateSubRegionInput({ name: ' Rivierenland ', municipalityIds: ['a', 'b', 'a'] })).toEqual({ name: 'Rivierenland', municipalityIds: ['a', 'b'] });
  });

  it('shows municipalities without "Gemeente"', () => {
    expect(municipalityName('Gemeente Duiven')).toBe('Duiven');
    expect(municipalityName('Arnhem')).toBe('Arnhem');
  });
});

describe('the provider form', () => {
  it('is filled with a registered provider, the keurmerk date as d-M-yyyy', () => {
    expect(providerFormOf(SAGENN)).toEqual({
      id: 'p1', name: 'Sagenn', kvkNumber: '09115430', providerKind: 'LANGUAGE_SCHOOL', keurmerkNumber: 'BoW-INB-5430', keurmerkValidUntil: '7-1-2027',
      duoInstitutionNumber: '', isTaalschakelInstitution: false,
    });
  });

  it('sends a changed keurmerk date as a calendar date and empty fields as null', () => {
    const state = { ...providerFormOf(SAGENN), keurmerkValidUntil: '31-12-2030', duoInstitutionNumber: ' 41055629ha ' };
    expect(toSaveProviderInput(state, messages).input).toEqual({
      id: 'p1', name: 'Sagenn', kvkNumber: '09115430', providerKind: 'LANGUAGE_SCHOOL', keurmerkNumber: 'BoW-INB-5430', keurmerkValidUntil: '2030-12-31',
      duoInstitutionNumber: '41055629HA', isTaalschakelInstitution: false,
    });
    const input = toSaveProviderInput({ ...EMPTY_PROVIDER, name: 'Nieuw', kvkNumber: '12345678', providerKind: 'OTHER_PARTNER' }, messages).input;
    expect(input).toEqual({
      name: 'Nieuw', kvkNumber: '12345678', providerKind: 'OTHER_PARTNER', keurmerkNumber: null, keurmerkValidUntil: null, duoInstitutionNumber: null,
      isTaalschakelInstitution: false,
    });
  });

  it('names what it cannot read', () => {
    expect(toSaveProviderInput({ ...EMPTY_PROVIDER, name: 'Nieuw', kvkNumber: '12345678', keurmerkValidUntil: '31-2-2030' }, messages).errors)
      .toEqual([['providerKind', 'soort'], ['keurmerkValidUntil', 'datum']]);
  });

  it('flags an empty name and a wrong KvK number on the first submit, together with the rest', () => {
    expect(toSaveProviderInput({ ...EMPTY_PROVIDER, kvkNumber: '123', keurmerkValidUntil: '31-2-2030' }, messages).errors)
      .toEqual([['name', 'naam'], ['kvkNumber', 'kvk'], ['providerKind', 'soort'], ['keurmerkValidUntil', 'datum']]);
  });
});
