// `npm test`: type checks, lint, contract drift, unit, integration and browser tests, in that order.
// Stops at the first failing step and ends with one summary line: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import systemPackages from './lib/system-packages.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const reports = mkdtempSync(join(tmpdir(), 'ir-jest-'));
const totals = { passed: 0, failed: 0 };

function step(label, command, args, env = {}) {
  console.log(`\n=== ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${label} mislukt (${seconds} s).`);
    finish(1);
  }
  console.log(`✓ ${label} (${seconds} s)`);
}

function jest(label, config) {
  const report = join(reports, `${label.replace(/\W+/g, '-')}.json`);
  console.log(`\n=== ${label}`);
  const result = spawnSync(bin('jest'), ['-c', config, '--json', `--outputFile=${report}`], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests;
    if (summary.numTotalTests === 0) {
      console.error(`✗ ${label}: geen enkele test uitgevoerd.`);
      finish(1);
    }
  } catch {
    totals.failed += 1;
  }
  if (result.status !== 0) {
    console.error(`\n✗ ${label} mislukt.`);
    finish(1);
  }
}

function finish(code) {
  rmSync(reports, { recursive: true, force: true });
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

// What the integration and browser tests start themselves: installed first (apt, as root or with passwordless sudo).
const needs = [...(process.env.TEST_REDIS_URL ? [] : [systemPackages.REDIS]), systemPackages.POSTGRES_TOOLS, systemPackages.chromium()];
const present = systemPackages.ensureSystemPackages(needs, { say: (line) => console.log(`[npm test] ${line}`) });
if (!present.ok) {
  console.error(`\n✗ ${present.message}`);
  finish(1);
}

const tsc = (project) => step(`typecheck ${project}`, bin('tsc'), ['-p', `${project}/tsconfig.json`]);
for (const project of ['libs/domain', 'libs/contracts', 'apps/api', 'apps/provider-portal', 'test']) tsc(project);
step('typecheck apps/provider-portal (vite config)', bin('tsc'), ['-p', 'apps/provider-portal/tsconfig.node.json']);
// The module-boundary rule reads Nx's project graph; compute it first (no daemon in CI).
step('Nx-projectgraaf', bin('nx'), ['show', 'projects'], { NX_DAEMON: 'false' });
step('lint (incl. Nx module boundaries)', bin('eslint'), ['.', '--max-warnings=0']);
step('GraphQL-schema actueel (libs/contracts/schema.graphql)', process.execPath, ['-r', './scripts/register.cjs', 'apps/api/src/cli/emit-schema.ts', '--check']);
step('gegenereerde typen actueel (libs/contracts)', bin('graphql-codegen'), ['--config', 'libs/contracts/codegen.ts', '--check']);
jest('unit: libs/domain', 'libs/domain/jest.config.js');
jest('unit: provider-portal', 'apps/provider-portal/jest.config.js');
jest('integration: API met echte PostgreSQL en Redis', 'test/integration/jest.config.js');
step('portaal bouwen', process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--config', 'apps/provider-portal/vite.config.mts']);
jest('browser: portaal in headless Chromium', 'test/browser/jest.config.js');
finish(0);
