// Shared jest settings: SWC transpiles TypeScript with decorator metadata (NestJS, TypeORM, class-validator need it).
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // NestJS 12, openid-client, otplib and @fastify/static's content-disposition ship ESM only; jest on Node 20 cannot require(esm), so these are compiled to CommonJS too.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@as-integrations|@fastify|content-disposition|cookie|openid-client|oauth4webapi|jose|otplib|@otplib|@simplewebauthn|@scure|@noble|@peculiar|@levischuck|@hexagon)/)'],
  moduleNameMapper: {
    '^@inburgering/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@inburgering/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
    '^@inburgering/migrations$': path.join(__dirname, 'migrations/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
