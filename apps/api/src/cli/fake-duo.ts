// The demo's fake DUO (`npm start -- --fake-duo` starts it; not part of the production build).
//   --prepare                 make the certificates (first use) and print the settings as JSON, then stop
//   --dir <map>               where the certificates are kept (default .data/fake-duo)
//   --port <n>                DUO's HTTPS port (mutual TLS; default 3443)
//   --control-port <n>        the control port on 127.0.0.1 for sending notifications (default 3445)
//   --notify-url <url>        the platform's notification endpoint (default https://127.0.0.1:3444/duo/v1/notificaties)
//   --json                    print the running addresses as one JSON line (for scripts and tests)
import { join, resolve } from 'node:path';
import { demoFakeDuoSettings, startDemoFakeDuo } from '../fake-duo';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const dir = resolve(option('dir', join(__dirname, '../../../../.data/fake-duo')));
  if (process.argv.includes('--prepare')) {
    console.log(JSON.stringify(demoFakeDuoSettings(dir)));
    return;
  }
  const running = await startDemoFakeDuo({
    dataDir: dir,
    port: Number(option('port', '3443')),
    controlPort: Number(option('control-port', '3445')),
    notifyUrl: option('notify-url', 'https://127.0.0.1:3444/duo/v1/notificaties'),
  });
  if (process.argv.includes('--json')) console.log(JSON.stringify({ url: running.url, controlUrl: running.controlUrl, link: running.settings.link }));
  else console.log(`[nep-DUO] luistert op ${running.url} (wederzijdse TLS); notificaties sturen via ${running.controlUrl}/notificaties`);
  const stop = () => void running.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`[nep-DUO] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
