import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';

/**
 * At most this old, even if the data version stood still: a write whose statement ended (and bumped the version)
 * while figures were being computed, but that committed only after they were read, is then picked up at the latest.
 */
export const FIGURES_CACHE_TTL_MS = 5 * 60_000;

interface Entry<T> {
  value: T;
  computedAt: Date;
}

/**
 * Computed figures per question, kept while their source data stay the same (issue 10: the dashboards at national
 * scale). The key says which figures (contracts, municipality, grouping, period, today); the data version, bumped by
 * a trigger on every statement that writes a source table (migration AddFiguresDataVersion), says whether they are
 * still current. Users asking the same at once share one computation. Figures are counts only, no personal data; the
 * key holds everything the answer depends on, and access is checked before asking.
 */
@Injectable()
export class FiguresCache {
  private readonly entries = new LRUCache<string, Entry<unknown>>({ max: 200, ttl: FIGURES_CACHE_TTL_MS });
  private readonly computing = new Map<string, Promise<Entry<unknown>>>();

  async get<T>(manager: EntityManager, key: string, compute: () => Promise<T>, now: () => Date): Promise<Entry<T>> {
    const [{ version }] = await manager.query<{ version: string }[]>(`SELECT last_value::text AS version FROM figures_data_version`);
    const versionedKey = `${version}|${key}`;
    let entry = this.entries.get(versionedKey) as Entry<T> | undefined;
    if (!entry) {
      let pending = this.computing.get(versionedKey) as Promise<Entry<T>> | undefined;
      if (!pending) {
        const started = now();
        pending = compute().then((value) => ({ value, computedAt: started }));
        this.computing.set(versionedKey, pending);
        pending.then((done) => this.entries.set(versionedKey, done), () => undefined).finally(() => this.computing.delete(versionedKey));
      }
      entry = await pending;
    }
    // Each answer gets its own copy: building an answer (small-number suppression) changes it in place.
    return { value: structuredClone(entry.value), computedAt: entry.computedAt };
  }
}
