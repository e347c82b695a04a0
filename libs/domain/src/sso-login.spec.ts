import { emailDomainOf, isValidEmailDomain, ssoClientSecretRequired, ssoMatchableEmail } from './sso-login';

describe('isValidEmailDomain', () => {
  it('takes a lower-case domain with a dot', () => {
    expect(isValidEmailDomain('arnhem.nl')).toBe(true);
    expect(isValidEmailDomain('uitvoeringsdienst-lvw.demo.nl')).toBe(true);
  });
  it('refuses an address, an upper-case or dotless name, and a leading dash', () => {
    for (const wrong of ['piet@arnhem.nl', 'Arnhem.nl', 'localhost', '-arnhem.nl', 'arnhem..nl', '']) expect(isValidEmailDomain(wrong)).toBe(false);
  });
});

describe('emailDomainOf', () => {
  it('gives the lower-cased domain', () => expect(emailDomainOf(' Piet@Arnhem.NL ')).toBe('arnhem.nl'));
  it('is null for something that is not an address', () => {
    expect(emailDomainOf('arnhem.nl')).toBeNull();
    expect(emailDomainOf('@arnhem.nl')).toBeNull();
  });
});

describe('ssoMatchableEmail', () => {
  const domains = ['arnhem.nl'];
  it('matches a verified address inside the domains', () => {
    expect(ssoMatchableEmail({ email: 'Piet@arnhem.nl', email_verified: true }, 'VERIFIED', domains)).toBe('piet@arnhem.nl');
  });
  it('refuses an unverified address unless the organisation trusts its provider', () => {
    expect(ssoMatchableEmail({ email: 'piet@arnhem.nl', email_verified: false }, 'VERIFIED', domains)).toBeNull();
    expect(ssoMatchableEmail({ email: 'piet@arnhem.nl' }, 'VERIFIED', domains)).toBeNull();
    expect(ssoMatchableEmail({ email: 'piet@arnhem.nl' }, 'TRUSTED', domains)).toBe('piet@arnhem.nl');
  });
  it('never matches outside the listed domains, also not a subdomain or a look-alike', () => {
    for (const email of ['piet@zevenaar.nl', 'piet@mail.arnhem.nl', 'piet@arnhem.nl.evil.com']) {
      expect(ssoMatchableEmail({ email, email_verified: true }, 'TRUSTED', domains)).toBeNull();
    }
  });
  it('is null without an e-mail claim', () => expect(ssoMatchableEmail({ email_verified: true }, 'VERIFIED', domains)).toBeNull());
});

describe('ssoClientSecretRequired', () => {
  it('asks for a secret only with client-secret authentication and none stored or given', () => {
    expect(ssoClientSecretRequired('CLIENT_SECRET', false, false)).toBe(true);
    expect(ssoClientSecretRequired('CLIENT_SECRET', true, false)).toBe(false);
    expect(ssoClientSecretRequired('CLIENT_SECRET', false, true)).toBe(false);
    expect(ssoClientSecretRequired('PRIVATE_KEY_JWT', false, false)).toBe(false);
  });
});
