/** Minimum length of a new password (BIO 9.4.3 / NCSC: length over complexity; OWASP ASVS 2.1.1 asks at least 12). */
export const MIN_PASSWORD_LENGTH = 12;

/** The problem with a new password, in Dutch, or null when it meets the policy. */
export function newPasswordProblem(password: string, current: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`;
  if (password.length > 200) return 'Het wachtwoord is te lang (hoogstens 200 tekens).';
  if (password === current) return 'Kies een ander wachtwoord dan het huidige.';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'Gebruik uw e-mailadres niet als wachtwoord.';
  return null;
}
