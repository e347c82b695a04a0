import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { RequestListener } from 'node:http';

export interface DuoListenerOptions {
  port: number;
  host: string;
  /** The municipality's server certificate and key (PKIoverheid in production). */
  certPath: string;
  keyPath: string;
  /** The CA bundle that signs DUO's client certificate. */
  caPath: string;
}

/**
 * An HTTPS listener with mutual TLS in front of the same application, for DUO's notifications: it asks every caller for
 * a client certificate; the notification controller then accepts only a verified one with DUO's fingerprint.
 */
export async function listenForDuoNotifications(handler: RequestListener, options: DuoListenerOptions): Promise<Server> {
  const server = createServer(
    { cert: readFileSync(options.certPath), key: readFileSync(options.keyPath), ca: readFileSync(options.caPath), requestCert: true, rejectUnauthorized: false },
    handler,
  );
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return server;
}
