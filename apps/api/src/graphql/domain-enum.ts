/**
 * A GraphQL enum object built from a vocabulary in libs/domain, so the status lists of the law and contracts have one
 * source: `export const PlacementStatusGql = domainEnum(PLACEMENT_STATUSES); export type PlacementStatusGql = ...`.
 */
export function domainEnum<const T extends readonly string[]>(values: T): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as { readonly [K in T[number]]: K };
}
