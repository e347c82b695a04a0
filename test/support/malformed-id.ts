interface GraphqlAnswer {
  data?: unknown;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** An id that is not a UUID never reaches a resolver: the answer is BAD_USER_INPUT naming the field, with no data. */
export function expectMalformedIdRefused(result: GraphqlAnswer): void {
  const error = result.errors?.[0];
  expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error?.extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ message: 'Dit is geen geldige id.' })]));
  expect(result.data ?? null).toBeNull();
}
