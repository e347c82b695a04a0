import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operation documents shared by the portal and the tests; regenerate with `npm run codegen`.
const config: CodegenConfig = {
  schema: 'libs/contracts/schema.graphql',
  documents: 'libs/contracts/operations/**/*.graphql',
  generates: {
    'libs/contracts/src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars: { CalendarDate: 'string', DateTime: 'string' },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        useTypeImports: true,
      },
    },
  },
};

export default config;
