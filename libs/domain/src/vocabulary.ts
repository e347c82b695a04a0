/** Labels for every value of a vocabulary, as one object (for UI text tables and exports). */
export function labelsOf<const T extends readonly string[]>(values: T, label: (value: T[number]) => string): { [K in T[number]]: string } {
  return Object.fromEntries(values.map((value) => [value, label(value)])) as { [K in T[number]]: string };
}
