import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsRegistry } from './metrics';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `/metrics` (Prometheus) and `/health/live` on a port of its own (METRICS_PORT), so the portal's origin never
 * exposes them; in Kubernetes only Prometheus may reach it (network policy). The worker's liveness probe uses it too.
 */
export async function startMetricsServer(port: number, host: string, live: () => boolean = () => true): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/metrics') {
      metricsRegistry.metrics().then(
        (text) => { res.writeHead(200, { 'content-type': metricsRegistry.contentType }); res.end(text); },
        () => { res.writeHead(500); res.end(); },
      );
    } else if (req.method === 'GET' && path === '/health/live') {
      const ok = live();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: ok ? 'ok' : 'down' }));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
