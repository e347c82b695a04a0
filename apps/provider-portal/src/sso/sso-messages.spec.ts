import { describe, expect, it } from '@jest/globals';
import { domainsOf, ssoFailureKeyOf } from './sso-messages';

describe('ssoFailureKeyOf', () => {
  it('maps the words the API sends to text keys', () => {
    expect(ssoFailureKeyOf('?sso=onbekend')).toBe('sso.failure.unknownUser');
    expect(ssoFailureKeyOf('?sso=geen-organisatie')).toBe('sso.failure.noOrganisation');
  });
  it('ignores anything else', () => {
    expect(ssoFailureKeyOf('')).toBeNull();
    expect(ssoFailureKeyOf('?sso=<script>')).toBeNull();
    expect(ssoFailureKeyOf('?sso=constructor')).toBeNull();
  });
});

describe('domainsOf', () => {
  it('splits on commas, spaces and lines', () => expect(domainsOf(' arnhem.nl,\narnhem.demo.nl ; x.nl ')).toEqual(['arnhem.nl', 'arnhem.demo.nl', 'x.nl']));
});
