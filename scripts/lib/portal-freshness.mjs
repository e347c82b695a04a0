// Whether the built portal still matches its sources, so `npm start` builds it only after a change (a build takes
// 4–8 s of a 6–10 s start).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the portal build reads: its own sources, the shared libraries, and the locked package versions. */
const SOURCES = ['apps/provider-portal', 'libs/contracts', 'libs/domain', 'package-lock.json'];
const SKIPPED = new Set(['node_modules', 'dist', '.data']);

function sourceHash(root) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!SKIPPED.has(name)) visit(join(path, name));
      return;
    }
    hash.update(`${relative(root, path)}\0`).update(readFileSync(path)).update('\0');
  };
  for (const source of SOURCES) if (existsSync(join(root, source))) visit(join(root, source));
  return hash.digest('hex');
}

/** The stamp lives beside the served folder, not in it. */
const stampFile = (root) => join(root, 'dist/.provider-portal-source-hash');

/** True when `dist/provider-portal` was built from exactly the sources there are now. */
export function portalBuildIsCurrent(root) {
  if (!existsSync(join(root, 'dist/provider-portal/index.html')) || !existsSync(stampFile(root))) return false;
  return readFileSync(stampFile(root), 'utf8').trim() === sourceHash(root);
}

/** Records the sources a finished build came from. */
export function recordPortalBuild(root) {
  writeFileSync(stampFile(root), `${sourceHash(root)}\n`);
}
