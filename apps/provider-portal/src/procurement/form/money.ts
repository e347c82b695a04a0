// Amounts as Dutch users type them: '1.234,56', '€ 1234,5' or '1234' -> cents.

const AMOUNT = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/** Whole cents, or null when the text is not an amount. */
export function parseEuroToCents(input: string): number | null {
  const text = input.replace(/€/g, '').replace(/\s/g, '');
  const match = AMOUNT.exec(text);
  if (!match) return null;
  const euros = Number(match[1].replace(/\./g, ''));
  const cents = Number((match[2] ?? '0').padEnd(2, '0'));
  return euros * 100 + cents;
}

/** Cents back into the input format: 123456 -> '1234,56'. */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const whole = Math.round(cents);
  return `${Math.floor(whole / 100)},${String(whole % 100).padStart(2, '0')}`;
}
