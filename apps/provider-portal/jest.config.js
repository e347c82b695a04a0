// Unit tests of the portal's pure functions (CSV, sorting, navigation); no DOM needed.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'provider-portal',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
};
