// Unit tests of the portal: pure functions, and components rendered to static HTML (no DOM needed).
const preset = require('../../jest.preset.js');

const swc = preset.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...preset,
  displayName: 'provider-portal',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  // The NL Design System React packages ship ES modules only (an "import" export): point jest at them
  // and let SWC turn them into CommonJS.
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@utrecht/([a-z-]+-react)$': '<rootDir>/../../node_modules/@utrecht/$1/dist/index.mjs',
  },
  transform: { ...preset.transform, '^.+\\.mjs$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@utrecht/)'],
};
