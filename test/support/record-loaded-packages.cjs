// Preloaded (NODE_OPTIONS=--require) into a production process by the build test: writes the npm packages (lockfile keys) the
// process loaded to LOADED_PACKAGES_FILE when it exits, so the test can prove no development package (or TS hook) is on board.
const Module = require('node:module');
const { appendFileSync } = require('node:fs');

const file = process.env.LOADED_PACKAGES_FILE;
const seen = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  try {
    const path = Module._resolveFilename(request, parent, isMain);
    // The package's lockfile key, nested copies included: node_modules/a/node_modules/b.
    const at = path.indexOf('node_modules/');
    const match = at < 0 ? null : /^node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*/.exec(path.slice(at));
    if (match) seen.add(match[0]);
  } catch {
    /* builtins */
  }
  return loaded;
};
process.on('exit', () => {
  if (file) appendFileSync(file, [...seen].map((name) => `${name}\n`).join(''));
});
