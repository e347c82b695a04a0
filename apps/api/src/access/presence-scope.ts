import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ProviderId } from '../tenancy';
import type { Viewer } from './access.repository';

/**
 * Limits a query on presence lessons (aliased `alias`) to those the viewer sees: the provider's staff all of the
 * provider's lessons, a teacher only the lessons they teach. The access rule for the kind 'lesson' and the lesson lists
 * use this one condition, so a list shows exactly what the access module would allow.
 */
export function scopeToVisibleLessons<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, providerId: ProviderId, viewer: Viewer): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.provider_id = :lessonProviderId`, { lessonProviderId: providerId });
  return viewer.role === 'TEACHER' ? query.andWhere(`${alias}.teacher_user_id = :lessonTeacherId`, { lessonTeacherId: viewer.userId }) : query;
}

/**
 * Limits a query on presence groups (aliased `alias`) to those the viewer sees: the provider's staff all of the
 * provider's groups, a teacher the groups they teach (the group's teacher, or the teacher of one of its lessons). Used by
 * the access rule for the kind 'group' and by the group list.
 */
export function scopeToVisibleGroups<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, providerId: ProviderId, viewer: Viewer): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.provider_id = :groupProviderId`, { groupProviderId: providerId });
  if (viewer.role !== 'TEACHER') return query;
  return query.andWhere(
    `(${alias}.teacher_user_id = :groupTeacherId OR EXISTS (SELECT 1 FROM presence_lesson gl WHERE gl.group_id = ${alias}.id AND gl.teacher_user_id = :groupTeacherId))`,
    { groupTeacherId: viewer.userId },
  );
}
