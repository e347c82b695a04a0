// Burgerservicenummer (BSN): validation (elfproef), masking and synthetic numbers for demo data.
import { RuleViolation, violation } from './rule-violation';

const NINE_DIGITS = /^\d{9}$/;

function weightedSum(digits: string): number {
  // weights 9..2 for the first eight digits, -1 for the ninth
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[i]) * (i === 8 ? -1 : 9 - i);
  }
  return sum;
}

/** Removes the spaces, dots and hyphens users type inside a BSN ('1234.56.782' -> '123456782'). */
export function normalizeBsn(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

/** 9 digits, not all zeros, passing the elfproef (BRP / RvIG rule for BSN). */
export function isValidBsn(value: string): boolean {
  if (!NINE_DIGITS.test(value) || value === '000000000') return false;
  return weightedSum(value) % 11 === 0;
}

/** Validates a BSN as typed by a consultant; store `normalizeBsn(value)` when this returns []. */
export function checkBsn(value: string): RuleViolation[] {
  const bsn = normalizeBsn(value);
  if (bsn === '') return [violation('bsn', 'BSN_REQUIRED', 'Vul het BSN in.')];
  if (!NINE_DIGITS.test(bsn)) {
    return [violation('bsn', 'BSN_NOT_9_DIGITS', 'Een BSN bestaat uit precies 9 cijfers.')];
  }
  if (!isValidBsn(bsn)) {
    return [violation('bsn', 'BSN_ELFPROEF_FAILED', 'Dit is geen geldig BSN: het voldoet niet aan de elfproef. Controleer het nummer.')];
  }
  return [];
}

/** Shows only the last 3 digits: '123456782' -> '******782'. */
export function maskBsn(value: string): string {
  const bsn = normalizeBsn(value);
  if (bsn.length <= 3) return '*'.repeat(bsn.length);
  return '*'.repeat(bsn.length - 3) + bsn.slice(-3);
}

const SYNTHETIC_PREFIX = '999';
const SYNTHETIC_SEEDS = 10_000;

/**
 * Deterministic synthetic BSN for demo data: '999' + 4 digits from the seed + 2 digits chosen so
 * the elfproef passes. Seeds 0..9999 give 10,000 distinct numbers; other seeds wrap around.
 */
export function generateSyntheticBsn(seed: number): string {
  if (!Number.isInteger(seed)) throw new RangeError(`Seed must be an integer: ${seed}`);
  const body = SYNTHETIC_PREFIX + String(((seed % SYNTHETIC_SEEDS) + SYNTHETIC_SEEDS) % SYNTHETIC_SEEDS).padStart(4, '0');
  const partial = weightedSum(body); // first 7 digits, weights 9..3
  for (let eighth = 0; eighth <= 9; eighth++) {
    const check = (partial + 2 * eighth) % 11;
    if (check !== 10) return `${body}${eighth}${check}`;
  }
  throw new Error('unreachable: some eighth digit always gives a check digit below 10');
}
