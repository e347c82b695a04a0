import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function parse(value: unknown): string {
  if (typeof value === 'string' && PATTERN.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    // Year 0000 passes Date but not PostgreSQL (no year 0): refused here, on the field, instead of as a failed query.
    if (y >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return value;
  }
  throw new GraphQLError('Ongeldige datum: gebruik het formaat JJJJ-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A calendar day without a time (a PIP date, a lesson day), as YYYY-MM-DD. */
export const CalendarDateScalar = new GraphQLScalarType({
  name: 'CalendarDate',
  description: 'Een kalenderdag zonder tijd, als JJJJ-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Ongeldige datum: gebruik het formaat JJJJ-MM-DD.');
    return parse(ast.value);
  },
});
