import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type IORedis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { logger } from '../common';
import { APP_CONFIG, AppConfig } from '../config';
import { createRedisConnection, REDIS_PRODUCER } from '../jobs';
import type { Actor } from '../tenancy';

/**
 * How long this process trusts a session it looked up without asking the database again. A revocation reaches every
 * API process at once over Redis pub/sub; this bound is for a message lost while Redis was away.
 */
export const SESSION_CACHE_TTL_MS = 10_000;
/** Sessions kept per process (least recently used ones go first). */
const SESSION_CACHE_MAX = 50_000;

interface CachedSession {
  actor: Actor;
  expiresAt: number;
  /** When the session's `last_seen_at` was last written (ms): the idle timeout counts from here. */
  seenAt: number;
}

/** A revocation on the channel: one session (its token hash) or every session of a user. */
type Revocation = { tokenHash: string } | { userId: string };

/**
 * Sessions in this process's memory, so an authenticated request needs no database round trip. Logging out (and any
 * other revocation) deletes the session in the database, then tells every API process over Redis pub/sub to forget it.
 * After a reconnect to Redis, when messages may have been missed, the whole cache is forgotten.
 */
@Injectable()
export class SessionCache implements OnApplicationShutdown {
  private readonly cache = new LRUCache<string, CachedSession>({ max: SESSION_CACHE_MAX, ttl: SESSION_CACHE_TTL_MS });
  private readonly channel: string;
  private readonly subscriber: IORedis;
  /** Goes up with every revocation, so a lookup that raced one does not put the revoked session back. */
  private generation = 0;

  constructor(
    @Inject(REDIS_PRODUCER) private readonly publisher: IORedis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.queuePrefix}:session-revoked`;
    this.subscriber = createRedisConnection(config.redisUrl, 'worker');
    this.subscriber.on('error', (err: Error) => logger.debug({ err: err.message }, 'sessiekanaal niet bereikbaar'));
    this.subscriber.on('ready', () => this.forgetAll());
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.apply(parseRevocation(message));
    });
    this.subscriber.subscribe(this.channel).catch((err: Error) => logger.warn({ err: err.message }, 'sessiekanaal niet bereikbaar'));
  }

  /** The marker to pass to `set`: a lookup started before a revocation must not be cached after it. */
  get currentGeneration(): number {
    return this.generation;
  }

  /**
   * The cached session with when it was last seen (for the idle timeout); undefined when not cached or expired. One cache
   * read and no copy: every authenticated request asks.
   */
  lookup(tokenHash: string): Readonly<Pick<CachedSession, 'actor' | 'seenAt'>> | undefined {
    const cached = this.cache.get(tokenHash);
    if (!cached) return undefined;
    if (cached.expiresAt <= Date.now()) {
      this.cache.delete(tokenHash);
      return undefined;
    }
    return cached;
  }

  set(tokenHash: string, actor: Actor, expiresAt: Date, generation: number, seenAt = Date.now()): void {
    if (generation === this.generation) this.cache.set(tokenHash, { actor, expiresAt: expiresAt.getTime(), seenAt });
  }

  /** Records that the session's `last_seen_at` was just written. */
  touched(tokenHash: string, at: number): void {
    const cached = this.cache.peek(tokenHash);
    if (cached) cached.seenAt = at;
  }

  /** Forgets the revoked sessions here and tells the other API processes; without Redis, they follow within the TTL. */
  async revoke(revocation: Revocation): Promise<void> {
    this.apply(revocation);
    await this.publisher.publish(this.channel, JSON.stringify(revocation))
      .catch((err: Error) => logger.warn({ err: err.message }, 'intrekken van sessie niet doorgegeven; andere processen volgen binnen enkele seconden'));
  }

  onApplicationShutdown(): void {
    this.subscriber.disconnect();
  }

  private apply(revocation: Revocation | null): void {
    this.generation += 1;
    if (!revocation) return this.forgetAll();
    if ('tokenHash' in revocation) {
      this.cache.delete(revocation.tokenHash);
      return;
    }
    for (const [key, session] of this.cache.entries()) if (session.actor.userId === revocation.userId) this.cache.delete(key);
  }

  private forgetAll(): void {
    this.generation += 1;
    this.cache.clear();
  }
}

/** A message this process cannot read revokes everything it holds (safe side). */
function parseRevocation(message: string): Revocation | null {
  try {
    const value: unknown = JSON.parse(message);
    if (typeof value === 'object' && value !== null) {
      if ('tokenHash' in value && typeof value.tokenHash === 'string') return { tokenHash: value.tokenHash };
      if ('userId' in value && typeof value.userId === 'string') return { userId: value.userId };
    }
  } catch {
    // fall through
  }
  return null;
}
