// Minimal autocannon-like load for the bench: keep-alive HTTP from node:http, sequential timings and N users in
// parallel loops, throughput for a fixed time. No packages beyond Node.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpAnswer {
  status: number;
  body: string;
  bytes: number;
  setCookie: string | null;
}

export class BenchClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, sockets = 64) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  post(path: string, payload: string, cookie: string | null, retried = false): Promise<HttpAnswer> {
    return new Promise<HttpAnswer>((resolve, reject) => {
      const req = request(
        { host: this.host, port: this.port, path, method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(cookie ? { cookie } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks);
            const setCookie = res.headers['set-cookie']?.[0] ?? null;
            resolve({ status: res.statusCode ?? 0, body: body.toString('utf8'), bytes: body.length, setCookie });
          });
          res.on('error', reject);
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed (idle timeout) just as it was reused: send once more on a fresh one, as
        // Node's documentation advises; the request never reached the server.
        if (!retried && req.reusedSocket && err.code === 'ECONNRESET') resolve(this.post(path, payload, cookie, true));
        else reject(err);
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A logged-in user: the session cookie, and GraphQL requests with it. */
export class BenchUser {
  constructor(private readonly client: BenchClient, private readonly cookie: string | null) {}

  static async login(client: BenchClient, email: string, password: string): Promise<BenchUser> {
    const answer = await client.post('/graphql', JSON.stringify({ query: 'mutation Login($input: LoginInput!) { login(input: $input) { id } }', variables: { input: { email, password } } }), null);
    const body = JSON.parse(answer.body) as { errors?: { message: string }[] };
    if (body.errors?.length || !answer.setCookie) throw new Error(`Inloggen als ${email} mislukt: ${body.errors?.[0]?.message ?? answer.status}`);
    const user = new BenchUser(client, answer.setCookie.split(';')[0]);
    // A session still waiting for a second step answers every request with "niet ingelogd": measure nothing then.
    const me = await user.graphql('{ me { id } }');
    if (!(me.json.data as { me: unknown } | undefined)?.me) throw new Error(`Inloggen als ${email} gaf geen volledige sessie (tweede stap vereist?).`);
    return user;
  }

  static anonymous(client: BenchClient): BenchUser {
    return new BenchUser(client, null);
  }

  get sessionCookie(): string | null {
    return this.cookie;
  }

  async graphql(query: string, variables?: Record<string, unknown>): Promise<{ ms: number; bytes: number; json: { data?: unknown; errors?: { message: string; extensions?: unknown }[] } }> {
    const payload = JSON.stringify({ query, variables });
    const started = performance.now();
    const answer = await this.client.post('/graphql', payload, this.cookie);
    const ms = performance.now() - started;
    return { ms, bytes: answer.bytes, json: JSON.parse(answer.body) };
  }
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Requests per second of `users` parallel loops sending `send` for `seconds` (after a short warm-up). */
export async function throughput(users: number, seconds: number, send: (user: number) => Promise<unknown>): Promise<Throughput> {
  const warmUntil = performance.now() + 500;
  await Promise.all(Array.from({ length: users }, async (_, u) => { while (performance.now() < warmUntil) await send(u); }));
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(Array.from({ length: users }, async (_, u) => {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        await send(u);
      } catch {
        errors += 1;
      }
      times.push(performance.now() - t);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: times.length / elapsed, p95: percentile(times, 0.95), errors };
}

export interface Throughput {
  perSecond: number;
  p95: number;
  errors: number;
}

/**
 * `measured` against `reference` in alternating rounds of `seconds` each: this machine's speed drifts over seconds (other
 * work on the host), which made one 5-second run of each differ by a third from the next. Answers each side's mean rate,
 * worst p95 and errors over the rounds, the median of the rounds' ratios and their lowest and highest (how far one run
 * of the bench can be trusted: on this machine the rounds of one run differed by up to a third).
 */
export async function alternatingRatio(
  users: number,
  rounds: number,
  seconds: number,
  reference: (user: number) => Promise<unknown>,
  measured: (user: number) => Promise<unknown>,
): Promise<{ reference: Throughput; measured: Throughput; ratio: number; lowest: number; highest: number }> {
  const refs: Throughput[] = [];
  const runs: Throughput[] = [];
  for (let r = 0; r < rounds; r += 1) {
    refs.push(await throughput(users, seconds, reference));
    runs.push(await throughput(users, seconds, measured));
  }
  const combine = (list: Throughput[]): Throughput => ({
    perSecond: list.reduce((sum, t) => sum + t.perSecond, 0) / list.length,
    p95: Math.max(...list.map((t) => t.p95)),
    errors: list.reduce((sum, t) => sum + t.errors, 0),
  });
  const ratios = runs.map((t, i) => t.perSecond / refs[i].perSecond).sort((a, b) => a - b);
  return { reference: combine(refs), measured: combine(runs), ratio: percentile(ratios, 0.5), lowest: ratios[0], highest: ratios[ratios.length - 1] };
}
