// The public face of seed/: other folders import only what is exported here.
export { DEMO_PASSWORD } from './demo-regions';
export { demoAccounts, seedDemoData } from './seed-demo-data';
