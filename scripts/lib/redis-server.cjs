const { spawn, spawnSync } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const net = require('node:net');
const { freePort } = require('./free-port.cjs');

function hasRedisServer() {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

const REDIS_MISSING = `redis-server is niet gevonden.
Installeer het (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis)
of zet REDIS_URL naar een bestaande Redis, bijvoorbeeld REDIS_URL=redis://127.0.0.1:6379.`;

function waitForPort(port, timeoutMs = 10_000, gaveUp = () => false) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.end(); resolve(); });
      socket.once('error', () => {
        socket.destroy();
        if (gaveUp()) return;
        if (Date.now() > deadline) reject(new Error(`redis-server antwoordt niet op poort ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Starts redis-server on a free (or given) loopback port with its data in `dir`:
 * append-only file on and noeviction, because BullMQ must never lose a key. `command` is the program (a path, or a name on PATH).
 */
async function startRedis(dir, { port, command = 'redis-server' } = {}) {
  mkdirSync(dir, { recursive: true });
  const chosen = port ?? (await freePort());
  const child = spawn(
    command,
    ['--port', String(chosen), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', '', '--daemonize', 'no', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // A missing program fails at once with the message that says what to install, instead of ten seconds of waiting for a port.
  let failed = false;
  const failedToStart = new Promise((_, reject) => child.once('error', (err) => {
    failed = true;
    reject(err.code === 'ENOENT' ? new Error(REDIS_MISSING) : err);
  }));
  await Promise.race([waitForPort(chosen, 10_000, () => failed), failedToStart]);
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    pid: child.pid,
    /** SIGTERM makes Redis flush its append-only file before it exits. */
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

module.exports = { hasRedisServer, REDIS_MISSING, startRedis };
