// The fake DUO (tests and demo only; not part of the production build). Nothing in the platform imports it.
export { createTestCertificates, DUO_OIN, ensureDemoCertificates, FakeDuo } from './fake-duo';
export type { FakeContactPerson, FakePerson, ReceivedRequest, TestCertificates } from './fake-duo';
export { DEMO_MUNICIPALITY_OIN, demoFakeDuoSettings, startDemoFakeDuo } from './demo';
export type { DemoFakeDuoOptions, DemoFakeDuoSettings, RunningDemoFakeDuo } from './demo';
