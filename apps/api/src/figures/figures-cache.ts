import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import { FIGURES_SOURCE_TABLES, individualPlacementSql, type FiguresSourceTable } from './figures.repository';

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

/** The data version of each source table for the regions of one question, read once per question. */
export class FiguresVersions {
  constructor(private readonly bySource: ReadonlyMap<FiguresSourceTable | null, bigint>) {}

  /** The version of what reads `tables`: their highest change, or one without source (which counts for all). */
  of(tables: readonly FiguresSourceTable[]): string {
    let version = this.bySource.get(null) ?? 0n;
    for (const table of tables) {
      const v = this.bySource.get(table) ?? 0n;
      if (v > version) version = v;
    }
    return version.toString();
  }
}

interface Entry<T> {
  value: T;
  computedAt: Date;
}

/**
 * Computed figures per section and question, kept while the tables that section reads stay the same in its regions
 * (issue 10: the dashboards at national scale). The key says which figures (section, contracts, municipality, grouping,
 * period, today); the data version of the section's source tables in those regions, advanced by triggers on every
 * statement that writes one of them, says whether they are still current: a write in another region, or to a table the
 * section does not read (hours saved, for the KPIs), leaves them be. Users asking the same at once share one
 * computation. Figures are counts only, no personal data; the key holds everything the answer depends on, and access is
 * checked before asking.
 */
@Injectable()
export class FiguresCache {
  private readonly entries = new LRUCache<string, Entry<unknown>>({ max: 2_000, ttl: FIGURES_CACHE_TTL_MS });
  private readonly computing = new Map<string, Promise<Entry<unknown>>>();

  /** The current versions of the regions the figures read from (each change table lookup by its index, newest first). */
  async versions(manager: EntityManager, sources: FiguresSources): Promise<FiguresVersions> {
    // The highest change of the regions (and of changes without region: TRUNCATE) for one source condition on `c`; each
    // an index lookup, newest first (an OR over the source would scan every change the region had since the cleanup).
    const latest = (source: string) => `(SELECT max(v) FROM (
         SELECT (SELECT max(c.version) FROM figures_region_change c WHERE c.region_id = r.id AND ${source}) AS v FROM regions r
         UNION ALL SELECT max(c.version) FROM figures_region_change c WHERE c.region_id IS NULL AND ${source}) AS per_region)::text`;
    const rows = await manager.query<{ source: FiguresSourceTable | null; version: string | null }[]>(
      `WITH regions AS (
         SELECT l.region_id AS id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.id = ANY($1::uuid[])
          UNION SELECT o.region_id FROM organisation o WHERE o.id = $2::uuid
          UNION SELECT $3::uuid WHERE $3::uuid IS NOT NULL
          UNION SELECT o.region_id FROM placement p JOIN organisation o ON o.id = p.municipality_id
           WHERE $4::uuid IS NOT NULL AND p.provider_id = $4::uuid AND ${individualPlacementSql('p')}
       )
       SELECT s.source, ${latest('c.source = s.source')} AS version FROM unnest($5::text[]) AS s(source)
       UNION ALL SELECT NULL, ${latest('c.source IS NULL')}`,
      [[...sources.contractIds], sources.municipalityId, sources.individualRegionId ?? null, sources.individualProviderId ?? null, FIGURES_SOURCE_TABLES],
    );
    return new FiguresVersions(new Map(rows.map((r) => [r.source, BigInt(r.version ?? '0')])));
  }

  /** The figures of `key`, computed by `compute` unless they were computed at the same `version` of their sources. */
  async get<T>(version: string, key: string, compute: () => Promise<T>, now: () => Date): Promise<Entry<T>> {
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
