import { type GraphQLSchema, isEnumType } from 'graphql';

/** The values of each enum of the served schema, so a refused enum value can name the allowed ones. */
const enumValues = new Map<string, string[]>();
/** More choices than this are not listed in a message: the field's description in the schema has them. */
const MAX_LISTED_CHOICES = 12;

/** Remembers the served schema's enums (called once, when the schema is built); returns the schema unchanged. */
export function rememberEnumValues(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isEnumType(type)) enumValues.set(type.name, type.getValues().map((v) => v.name));
  }
  return schema;
}

/** What a variable's refused part says, as graphql-js words it after `; `, with the field it is about. */
export interface CoercionReason {
  /** The field below the reported path the reason is about (a missing or unknown field), if any. */
  subField: string | null;
  message: string;
}

const ENUM_VALUE = /^Value "(.*)" does not exist in "([^"]+)" enum\./s;
const ENUM_NON_STRING = /^Enum "([^"]+)" cannot represent non-(?:string|enum) value/;
const MISSING_FIELD = /^Field "([^"]+)" of required type "[^"]+" was not provided\./;
const UNKNOWN_FIELD = /^Field "([^"]+)" is not defined by type "[^"]+"\./;
const SCALAR_MESSAGES: [RegExp, string][] = [
  [/^Boolean cannot represent/, 'Vul true (ja) of false (nee) in.'],
  [/^Int cannot represent non 32-bit/, 'Dit getal is te groot of te klein.'],
  [/^Int cannot represent/, 'Vul een geheel getal in.'],
  [/^Float cannot represent/, 'Vul een getal in.'],
  [/^String cannot represent/, 'Vul een tekst in.'],
  [/^ID cannot represent/, 'Dit is geen geldige id.'],
  [/^Expected type "[^"]+" to be an object\./, 'Hier hoort een groep velden ({ … }), geen losse waarde.'],
  [/^Expected non-nullable type|must not be null\.$|was not provided\.$/, 'Dit veld is verplicht.'],
];

function choices(typeName: string): string {
  const values = enumValues.get(typeName);
  if (!values || values.length > MAX_LISTED_CHOICES) return 'Kies een van de toegestane waarden.';
  return `Kies uit: ${values.join(', ')}.`;
}

/**
 * graphql-js's reason for refusing a variable's value, in Dutch (the value itself is not repeated: it may be hostile
 * or personal); null when the reason is not one of graphql-js's own.
 */
export function dutchCoercionReason(reason: string): CoercionReason | null {
  const enumValue = ENUM_VALUE.exec(reason);
  if (enumValue) return { subField: null, message: `Deze keuze bestaat niet. ${choices(enumValue[2])}` };
  const enumNonString = ENUM_NON_STRING.exec(reason);
  if (enumNonString) return { subField: null, message: `Deze keuze bestaat niet. ${choices(enumNonString[1])}` };
  const missing = MISSING_FIELD.exec(reason);
  if (missing) return { subField: missing[1], message: 'Dit veld is verplicht.' };
  const unknown = UNKNOWN_FIELD.exec(reason);
  if (unknown) return { subField: unknown[1], message: 'Dit veld bestaat hier niet. Laat het weg.' };
  const scalar = SCALAR_MESSAGES.find(([pattern]) => pattern.test(reason));
  return scalar ? { subField: null, message: scalar[1] } : null;
}
