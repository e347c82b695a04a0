import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import { individualPlacementSql } from './figures.repository';

/**
 * At most this old, even if the data version stood still: a write whose statement ended (and bumped the version)
 * while figures were being computed, but that committed only after they were read, is then picked up at the latest.
 */
export const FIGURES_CACHE_TTL_MS = 5 * 60_000;

/** What the figures are computed over (FigureFilter): their regions' data versions decide whether they are current. */
export interface FiguresSources {
  contractIds: readonly string[];
  municipalityId: string | null;
  individualRegionId?: string | null;
  individualProviderId?: string | null;
}

interface Entry<T> {
  value: T;
  computedAt: Date;
}

/**
 * Computed figures per question, kept while their source data stay the same (issue 10: the dashboards at national
 * scale). The key says which figures (contracts, municipality, grouping, period, today); the data version of their
 * regions, advanced by triggers on every statement that writes a source table (migration ScopeFiguresDataVersionToRegions),
 * says whether they are still current: a write in another region leaves them be. Users asking the same at once share
 * one computation. Figures are counts only, no personal data; the key holds everything the answer depends on, and
 * access is checked before asking.
 */
@Injectable()
export class FiguresCache {
  private readonly entries = new LRUCache<string, Entry<unknown>>({ max: 200, ttl: FIGURES_CACHE_TTL_MS });
  private readonly computing = new Map<string, Promise<Entry<unknown>>>();

  async get<T>(manager: EntityManager, sources: FiguresSources, key: string, compute: () => Promise<T>, now: () => Date): Promise<Entry<T>> {
    // The highest change of the regions the figures read from (each by its index, newest first); a change without
    // region (TRUNCATE) counts for all.
    const [{ version }] = await manager.query<{ version: string }[]>(
      `SELECT coalesce(max(v), 0)::text AS version FROM (
         SELECT (SELECT max(c.version) FROM figures_region_change c WHERE c.region_id = r.id) AS v
           FROM (SELECT l.region_id AS id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.id = ANY($1::uuid[])
                 UNION SELECT o.region_id FROM organisation o WHERE o.id = $2::uuid
                 UNION SELECT $3::uuid WHERE $3::uuid IS NOT NULL
                 UNION SELECT o.region_id FROM placement p JOIN organisation o ON o.id = p.municipality_id
                  WHERE $4::uuid IS NOT NULL AND p.provider_id = $4::uuid AND ${individualPlacementSql('p')}) AS r
         UNION ALL SELECT max(c.version) FROM figures_region_change c WHERE c.region_id IS NULL) AS versions`,
      [[...sources.contractIds], sources.municipalityId, sources.individualRegionId ?? null, sources.individualProviderId ?? null],
    );
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
