import { describe, expect, it } from '@jest/globals';
import { validateLogin } from './login-validation';

describe('validateLogin', () => {
  it('asks for both fields when the form is empty', () => {
    expect(validateLogin('', '')).toEqual({ email: 'login.emailRequired', password: 'login.passwordRequired' });
  });

  it('rejects an address without a domain', () => {
    expect(validateLogin('consulent@', 'x')).toEqual({ email: 'login.emailInvalid' });
  });

  it('accepts a complete form, ignoring spaces around the address', () => {
    expect(validateLogin(' consulent@arnhem.demo.nl ', 'geheim')).toEqual({});
  });
});
