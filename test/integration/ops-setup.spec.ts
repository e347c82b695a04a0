// Issue #16: on a fresh Debian/Ubuntu machine `npm start` and `npm test` install the system packages they need
// (redis-server, Chromium) with apt when they may (root, or passwordless sudo), printing what they run; otherwise they
// stop with one message naming the exact command.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as RedisServer from '../../scripts/lib/redis-server.cjs';
import type * as SystemPackages from '../../scripts/lib/system-packages.cjs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureSystemPackages, REDIS, chromium } = require('../../scripts/lib/system-packages.cjs') as typeof SystemPackages;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedis } = require('../../scripts/lib/redis-server.cjs') as typeof RedisServer;

/** A machine with these executables; `apt-get install` adds the packages it is asked for. */
function machine(present: string[], { sudo = false }: { sudo?: boolean } = {}) {
  const have = new Set(present);
  const ran: string[] = [];
  const said: string[] = [];
  const run = (command: string, args: string[]) => {
    ran.push([command, ...args].join(' '));
    if (command === 'sudo' && args.join(' ') === '-n true') return sudo ? 0 : 1;
    const install = args.indexOf('install');
    if (install >= 0) for (const name of args.slice(install + 1).filter((arg) => !arg.startsWith('-'))) have.add(name === 'chromium' ? '/usr/bin/chromium' : name);
    return 0;
  };
  const find = (command: string) => (have.has(command) ? command : null);
  return { ran, said, run, find, say: (line: string) => said.push(line) };
}

const NEEDS = [REDIS, chromium({})];

describe('system packages on a fresh machine', () => {
  it('installs nothing when everything is there', () => {
    const box = machine(['apt-get', 'redis-server', '/usr/bin/chromium']);
    expect(ensureSystemPackages(NEEDS, { ...box, uid: 0 })).toEqual({ ok: true, installed: [] });
    expect(box.ran).toEqual([]);
  });

  it('as root installs the missing packages with apt-get and says which commands it runs', () => {
    const box = machine(['apt-get']);
    expect(ensureSystemPackages(NEEDS, { ...box, uid: 0 })).toEqual({ ok: true, installed: ['redis-server', 'chromium'] });
    expect(box.ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends redis-server chromium']);
    expect(box.said).toEqual(expect.arrayContaining(['$ apt-get update -qq', '$ apt-get install -y -qq --no-install-recommends redis-server chromium']));
  });

  it('as a user with passwordless sudo installs through sudo -n', () => {
    const box = machine(['apt-get', 'sudo', '/usr/bin/chromium'], { sudo: true });
    expect(ensureSystemPackages(NEEDS, { ...box, uid: 1000 }).ok).toBe(true);
    expect(box.ran).toEqual(['sudo -n true', 'sudo -n apt-get update -qq', 'sudo -n apt-get install -y -qq --no-install-recommends redis-server']);
  });

  it('without root or passwordless sudo stops with one message naming the exact command', () => {
    const box = machine(['apt-get', 'sudo']);
    const result = ensureSystemPackages(NEEDS, { ...box, uid: 1000 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('sudo apt-get update && sudo apt-get install -y redis-server chromium');
    expect(box.ran).toEqual(['sudo -n true']);
  });

  it('a failing apt-get ends in the same message, not a stack trace', () => {
    const box = machine(['apt-get']);
    const result = ensureSystemPackages([REDIS], { ...box, uid: 0, run: (command, args) => (box.ran.push([command, ...args].join(' ')), 100) });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('sudo apt-get update && sudo apt-get install -y redis-server') });
  });
});

describe('starting redis-server where it is missing', () => {
  it('says what to install, instead of waiting for a port nobody opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-missing-'));
    try {
      await expect(startRedis(dir, { command: join(dir, 'redis-server') })).rejects.toThrow('redis-server is niet gevonden.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
