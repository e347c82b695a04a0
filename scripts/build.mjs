// `npm run build`: the production build. Compiles the API, the worker and their CLIs (migrate) with SWC to plain
// CommonJS in dist/api (decorator metadata kept, the @inburgering/* paths rewritten to relative requires), then builds
// the portal into dist/provider-portal. Production runs `node dist/api/apps/api/src/main.js` (and worker.js,
// cli/migrate.js): no TypeScript hook, only `dependencies`.
import { transformFileSync } from '@swc/core';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/api');
/** What the API and worker load at run time; specs, the development-only CLIs (schema, codegen) and the fake DUO stay out. */
const SOURCES = ['apps/api/src', 'libs/domain/src', 'migrations'];
const DEV_ONLY = [/\.spec\.ts$/, /\.d\.ts$/, /^apps\/api\/src\/cli\/(emit-schema|generate-migration|fake-duo)\.ts$/, /^apps\/api\/src\/fake-duo\//];

function* typescriptFiles(dir) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* typescriptFiles(path);
    else if (path.endsWith('.ts') && !DEV_ONLY.some((pattern) => pattern.test(path))) yield path;
  }
}

const swcOptions = (filename) => ({
  filename,
  swcrc: false,
  sourceMaps: true,
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
    baseUrl: root,
    paths: {
      '@inburgering/domain': ['libs/domain/src/index.ts'],
      '@inburgering/contracts': ['libs/contracts/src/index.ts'],
      '@inburgering/migrations': ['migrations/index.ts'],
    },
  },
});

const started = Date.now();
rmSync(out, { recursive: true, force: true });
let count = 0;
for (const dir of SOURCES) {
  for (const file of typescriptFiles(dir)) {
    const { code, map } = transformFileSync(join(root, file), swcOptions(join(root, file)));
    const target = join(out, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${relative(dirname(target), `${target}.map`)}\n`);
    if (map) writeFileSync(`${target}.map`, map);
    count += 1;
  }
}
console.log(`[build] API en worker: ${count} bestanden naar ${relative(root, out)}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`);

if (!process.argv.includes('--api-only')) {
  const portal = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--config', 'apps/provider-portal/vite.config.mts'], { cwd: root, stdio: 'inherit' });
  if (portal.status !== 0) process.exit(portal.status ?? 1);
  console.log('[build] portaal naar dist/provider-portal/');
}
