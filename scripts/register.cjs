// Runs TypeScript directly with SWC (decorator metadata and tsconfig paths included), so the API needs no build step.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || require('node:path').join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
