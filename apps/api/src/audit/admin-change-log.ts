import type { EntityManager } from 'typeorm';
import { AdminChangeEntity, AppUserEntity } from '../database';
import type { Actor } from '../tenancy';

export type AdminSubjectKind = 'MUNICIPALITY' | 'SUB_REGION' | 'PROVIDER' | 'USER' | 'INVITATION';

export interface AdminChangeRecord {
  /** The region whose administrator sees the change; null when only the provider's own administrator does. */
  regionId: string | null;
  /** The organisation the changed record belongs to. */
  organisationId: string;
  subjectKind: AdminSubjectKind;
  subjectId: string;
  summary: string;
}

/** Writes one change to the administration history, in the caller's transaction (who, when, what). */
export async function recordAdminChange(manager: EntityManager, actor: Pick<Actor, 'userId'> | null, occurredAt: Date, change: AdminChangeRecord, actorName?: string): Promise<void> {
  const name = actorName ?? (actor ? (await manager.getRepository(AppUserEntity).findOne({ select: { id: true, displayName: true }, where: { id: actor.userId } }))?.displayName : undefined);
  await manager.getRepository(AdminChangeEntity).insert({ ...change, actorUserId: actor?.userId ?? null, actorName: name ?? 'onbekend', occurredAt });
}

/** "a" → "b" lines for the fields that changed, for a history summary. */
export function describeChanges(before: Record<string, string | null> | null, after: Record<string, string | null>, labels: Record<string, string>): string {
  const show = (value: string | null | undefined) => (value === null || value === undefined || value === '' ? '(leeg)' : value);
  if (!before) return Object.keys(labels).map((key) => `${labels[key]}: ${show(after[key])}`).join('; ');
  const changed = Object.keys(labels).filter((key) => (before[key] ?? null) !== (after[key] ?? null));
  return changed.length === 0 ? 'geen wijzigingen' : changed.map((key) => `${labels[key]}: ${show(before[key])} → ${show(after[key])}`).join('; ');
}
