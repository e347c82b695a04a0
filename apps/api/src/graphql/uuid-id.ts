import { rewireTypes } from '@graphql-tools/utils';
import { GraphQLError, GraphQLID, GraphQLObjectType, GraphQLScalarType, GraphQLSchema, Kind, type GraphQLNamedType, type ValueNode } from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const INVALID_ID_MESSAGE = 'Dit is geen geldige id.';

/** Thrown while coercing an argument; the error formatter answers BAD_USER_INPUT with this Dutch message. */
export class InvalidArgumentError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

function parseId(value: unknown): string {
  if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
  throw new InvalidArgumentError(INVALID_ID_MESSAGE);
}

/**
 * Every id the API hands out is a UUID, so the `ID` scalar accepts nothing else: a malformed id is refused
 * as BAD_USER_INPUT before any resolver runs and never reaches PostgreSQL. Output and the schema text are unchanged.
 */
export const UuidIdScalar = new GraphQLScalarType({
  name: 'ID',
  description: GraphQLID.description,
  specifiedByURL: GraphQLID.specifiedByURL,
  serialize: GraphQLID.serialize,
  parseValue: parseId,
  parseLiteral(node: ValueNode) {
    if (node.kind !== Kind.STRING) throw new InvalidArgumentError(INVALID_ID_MESSAGE);
    return parseId(node.value);
  },
});

/**
 * The running schema with `ID` replaced by the UUID-checking scalar (the emitted SDL is not affected). `mapSchema`
 * leaves the built-in scalars alone, so the type map is rewired here directly: every argument, input field and
 * variable of type `ID` then refers to the one checking scalar.
 */
export function withUuidIds(schema: GraphQLSchema): GraphQLSchema {
  const typeMap: Record<string, GraphQLNamedType> = { ...schema.getTypeMap(), ID: UuidIdScalar };
  const { typeMap: rewired, directives } = rewireTypes(typeMap, schema.getDirectives());
  const root = (type: GraphQLObjectType | null | undefined) => (type ? (rewired[type.name] as GraphQLObjectType) : undefined);
  return new GraphQLSchema({
    ...schema.toConfig(),
    query: root(schema.getQueryType()),
    mutation: root(schema.getMutationType()),
    subscription: root(schema.getSubscriptionType()),
    types: Object.values(rewired),
    directives,
  });
}
