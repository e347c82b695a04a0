import { describe, expect, it } from '@jest/globals';
import { canOpen, homePathForRole, pagesForRole, pathAfterLogin } from './navigation';

describe('navigation per role', () => {
  it('gives every role its own start page', () => {
    expect(homePathForRole('PROVIDER_USER')).toBe('/mijn-percelen');
    expect(homePathForRole('CONSULTANT')).toBe('/inburgeraars');
    expect(homePathForRole('PROJECTLEIDER')).toBe('/percelen');
    expect(homePathForRole('ADMIN')).toBe('/percelen');
  });

  it('shows a provider only its own lots, never the clients', () => {
    expect(pagesForRole('PROVIDER_USER').map((page) => page.labelKey)).toEqual(['nav.providerLots']);
    expect(canOpen('PROVIDER_USER', '/inburgeraars')).toBe(false);
  });

  it('returns to the requested page after login only when the role may open it', () => {
    expect(pathAfterLogin('CONSULTANT', '/inburgeraars?zoek=Ali&vanaf=50')).toBe('/inburgeraars?zoek=Ali&vanaf=50');
    expect(pathAfterLogin('CONSULTANT', '/percelen')).toBe('/inburgeraars');
    expect(pathAfterLogin('ADMIN', undefined)).toBe('/percelen');
  });
});
