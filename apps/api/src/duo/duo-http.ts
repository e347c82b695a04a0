// The HTTPS client for DUO: mutual TLS with the municipality's certificate and key (PKIoverheid in production), the
// OIN headers of the Digikoppeling profile, and the message's own berichtId so a repeat is recognisable at DUO.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import type { DuoLinkEntity } from '../database';

export interface DuoRequest {
  method: string;
  /** Path under the base URL, BSN filled in. */
  path: string;
  berichtId: string;
  body: Record<string, unknown> | null;
}

export interface DuoResponse {
  status: number;
  body: unknown;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const agents = new Map<string, Agent>();

/** One keep-alive agent per certificate configuration (files are read once). */
function agentFor(link: Pick<DuoLinkEntity, 'certPath' | 'keyPath' | 'caPath'>): Agent {
  const key = `${link.certPath}|${link.keyPath}|${link.caPath ?? ''}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      cert: readFileSync(link.certPath),
      key: readFileSync(link.keyPath),
      ...(link.caPath ? { ca: readFileSync(link.caPath) } : {}),
      keepAlive: true,
      maxSockets: 4,
    });
    agents.set(key, agent);
  }
  return agent;
}

/** Forget cached agents (after the administrator changed the certificate paths). */
export function resetDuoAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** Sends one request; rejects on network errors and timeouts (the caller retries those), resolves with any HTTP answer. */
export function callDuo(link: Pick<DuoLinkEntity, 'baseUrl' | 'certPath' | 'keyPath' | 'caPath' | 'municipalityOin' | 'duoOin'>, req: DuoRequest, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<DuoResponse> {
  const url = new URL(link.baseUrl.replace(/\/+$/, '') + req.path);
  const payload = req.body === null ? null : Buffer.from(JSON.stringify(req.body));
  return new Promise<DuoResponse>((resolve, reject) => {
    const r = request(url, {
      method: req.method,
      agent: agentFor(link),
      headers: {
        accept: 'application/json',
        bron: link.municipalityOin,
        doel: link.duoOin,
        berichtId: req.berichtId,
        ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
      },
      timeout: timeoutMs,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = null;
        try { body = text ? JSON.parse(text) : null; } catch { body = text; }
        resolve({ status: res.statusCode ?? 0, body });
      });
      res.on('error', reject);
    });
    r.on('timeout', () => r.destroy(new Error('Time-out: DUO antwoordde niet op tijd.')));
    r.on('error', reject);
    if (payload) r.write(payload);
    r.end();
  });
}

/** DUO's error texts from an answer: an array of { fouttekst } or one { fouttekst }. */
export function duoErrorTexts(body: unknown): string[] {
  const items = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : [];
  return items
    .map((item: unknown) => (item && typeof item === 'object' && 'fouttekst' in item ? String((item as { fouttekst: unknown }).fouttekst) : null))
    .filter((t): t is string => t !== null && t !== '');
}
