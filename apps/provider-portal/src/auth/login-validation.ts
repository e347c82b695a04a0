// Checks before the form is sent, so an empty field gets a Dutch message next to it instead of a round trip.
export type LoginField = 'email' | 'password';
export type LoginFieldErrors = Partial<Record<LoginField, string>>;

export type LoginMessageKey = 'login.emailRequired' | 'login.emailInvalid' | 'login.passwordRequired';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateLogin(email: string, password: string): Partial<Record<LoginField, LoginMessageKey>> {
  const errors: Partial<Record<LoginField, LoginMessageKey>> = {};
  if (!email.trim()) errors.email = 'login.emailRequired';
  else if (!EMAIL.test(email.trim())) errors.email = 'login.emailInvalid';
  if (!password) errors.password = 'login.passwordRequired';
  return errors;
}
