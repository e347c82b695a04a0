// Lint: TypeScript rules, Nx module boundaries (domain imports nothing; apps never import each other), and the API's
// folder boundaries (a folder is imported only through its index.ts).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import { featureBoundaries } from './scripts/eslint-feature-boundaries.mjs';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'libs/contracts/src/generated/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], bannedExternalImports: ['*'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:migrations'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:app'] },
          ],
        },
      ],
    },
  },
  {
    // Each folder of the API is a module: others import it only through its index.ts.
    files: ['apps/api/src/**/*.ts'],
    plugins: { local: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'local/feature-boundaries': 'error' },
  },
  {
    // The test project wires apps, migrations and scripts together on purpose; the boundaries guard apps and libs.
    files: ['test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
