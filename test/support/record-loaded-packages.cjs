// Preloaded (NODE_OPTIONS=--require) into a production process by the build test: writes the npm packages the process
// loaded to LOADED_PACKAGES_FILE when it exits, so the test can prove no development package (or TS hook) is on board.
const Module = require('node:module');
const { appendFileSync } = require('node:fs');

const file = process.env.LOADED_PACKAGES_FILE;
const seen = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  try {
    const path = Module._resolveFilename(request, parent, isMain);
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path.split('node_modules/').length > 1 ? path.slice(path.lastIndexOf('node_modules/')) : '');
    if (match) seen.add(match[1]);
  } catch {
    /* builtins */
  }
  return loaded;
};
process.on('exit', () => {
  if (file) appendFileSync(file, [...seen].map((name) => `${name}\n`).join(''));
});
