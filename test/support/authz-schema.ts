// Builds GraphQL documents straight from the committed schema (libs/contracts/schema.graphql), so a test that walks
// "every operation" follows the schema instead of a hand-written list of queries.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

export type OperationType = 'query' | 'mutation';

export interface SchemaOperation {
  type: OperationType;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

export function loadContractSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '../../libs/contracts/schema.graphql'), 'utf8'));
}

export function schemaOperations(schema: GraphQLSchema): SchemaOperation[] {
  const operations: SchemaOperation[] = [];
  for (const [type, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) operations.push({ type, name: field.name, field });
  }
  return operations;
}

/** Every path (dotted, `input.cells.placementId`) to an ID-typed argument or input field of an operation. */
export function idArgumentPaths(field: GraphQLField<unknown, unknown>): string[] {
  const paths: string[] = [];
  const walk = (type: GraphQLInputType, path: string, seen: Set<string>): void => {
    const named = getNamedType(type);
    if (named.name === 'ID') paths.push(path);
    else if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const inner of Object.values(named.getFields())) walk(inner.type, `${path}.${inner.name}`, new Set([...seen, named.name]));
    }
  };
  for (const arg of field.args) walk(arg.type, arg.name, new Set());
  return paths;
}

/**
 * A selection set with every field the schema offers, down to `depth` object levels; always `__typename` so the
 * response can be checked per type. Fields with required arguments are left out (none in this schema today).
 */
export function selectionSet(type: GraphQLObjectType, depth: number): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isObjectType(named)) {
      if (depth > 0) parts.push(`${field.name} ${selectionSet(named, depth - 1)}`);
    } else parts.push(field.name);
  }
  return `{ ${parts.join(' ')} }`;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A value for an input type: ids from `idFor(path)`, otherwise a plausible value for the scalar or enum. */
export interface ValueOptions {
  idFor: (path: string) => string;
  /** Strings by path, e.g. a fresh idempotency key per call. */
  stringFor?: (path: string) => string | undefined;
  /** Overrides by dotted path (`input.startDate`). */
  overrides?: Record<string, JsonValue>;
  /** Also fill optional fields that do not lead to an id (the provider crawl); default: required fields and ids only. */
  allOptional?: boolean;
  /** The value for the first enum in a path: every enum value can be tried by the crawl. */
  enumPick?: (enumName: string, values: string[]) => string;
}

export const SAMPLE_DATE = '2026-12-07';

export function inputValue(type: GraphQLInputType, path: string, options: ValueOptions): JsonValue | undefined {
  if (options.overrides && path in options.overrides) return options.overrides[path];
  const nonNull = isNonNullType(type);
  const inner = nonNull ? type.ofType : type;
  if (isListType(inner)) {
    const item = inputValue(inner.ofType, path, options);
    return item === undefined ? [] : [item];
  }
  const named = getNamedType(inner);
  if (named.name === 'ID') return options.idFor(path);
  if (isEnumType(named)) {
    const values = named.getValues().map((value) => value.name);
    return options.enumPick ? options.enumPick(named.name, values) : values[0];
  }
  if (isInputObjectType(named)) {
    const object: Record<string, JsonValue> = {};
    for (const field of Object.values(named.getFields())) {
      const fieldPath = `${path}.${field.name}`;
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      const leadsToId = hasIdInside(field.type);
      if (!required && !leadsToId && !options.allOptional && !(options.overrides && fieldPath in options.overrides)) continue;
      const value = inputValue(field.type, fieldPath, options);
      if (value !== undefined) object[field.name] = value;
    }
    return object;
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'String':
        return options.stringFor?.(path) ?? 'Matrixtest';
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'CalendarDate':
        return SAMPLE_DATE;
      case 'DateTime':
        return `${SAMPLE_DATE}T09:00:00Z`;
      default:
        return 'Matrixtest';
    }
  }
  return undefined;
}

export function hasIdInside(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  return Object.values(named.getFields()).some((field) => hasIdInside(field.type, new Set([...seen, named.name])));
}

export interface BuiltOperation {
  document: string;
  variables: Record<string, JsonValue>;
}

/** The document and variables for one call of a root field: required args plus every arg that carries an id. */
export function buildOperation(operation: SchemaOperation, options: ValueOptions & { depth: number; includeArgs?: (arg: GraphQLArgument) => boolean }): BuiltOperation {
  const variables: Record<string, JsonValue> = {};
  const declarations: string[] = [];
  const uses: string[] = [];
  for (const arg of operation.field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    const include = required || hasIdInside(arg.type) || (options.overrides !== undefined && arg.name in options.overrides) || (options.includeArgs?.(arg) ?? false);
    if (!include) continue;
    const value = inputValue(arg.type, arg.name, options);
    if (value === undefined) continue;
    variables[arg.name] = value;
    declarations.push(`$${arg.name}: ${arg.type.toString()}`);
    uses.push(`${arg.name}: $${arg.name}`);
  }
  const returned = getNamedType(operation.field.type);
  const selection = isObjectType(returned) ? ` ${selectionSet(returned, options.depth)}` : '';
  const header = declarations.length ? `(${declarations.join(', ')})` : '';
  const call = uses.length ? `(${uses.join(', ')})` : '';
  return { document: `${operation.type} Matrix${header} { ${operation.name}${call}${selection} }`, variables };
}

export interface EnumPosition {
  path: string;
  values: string[];
  list: boolean;
}

/** Every enum-typed argument or input field of an operation, to try each of its values. */
export function enumArgumentPaths(field: GraphQLField<unknown, unknown>): EnumPosition[] {
  const positions: EnumPosition[] = [];
  const walk = (type: GraphQLInputType, path: string, seen: Set<string>): void => {
    const inner = isNonNullType(type) ? type.ofType : type;
    const named = getNamedType(type);
    if (isEnumType(named)) positions.push({ path, values: named.getValues().map((value) => value.name), list: isListType(inner) });
    else if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const child of Object.values(named.getFields())) walk(child.type, `${path}.${child.name}`, new Set([...seen, named.name]));
    }
  };
  for (const arg of field.args) walk(arg.type, arg.name, new Set());
  return positions;
}

/** Strings that must differ per call: idempotency keys, and KvK numbers (unique per provider). */
export function freshStrings(path: string): string | undefined {
  if (path.endsWith('idempotencyKey')) return randomUUID();
  if (path.endsWith('kvkNumber')) return String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  return undefined;
}
