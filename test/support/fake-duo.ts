// The fake DUO is shipped with the project (apps/api/src/fake-duo, also used by `npm start -- --fake-duo`); the tests use it from here.
export * from '../../apps/api/src/fake-duo';
