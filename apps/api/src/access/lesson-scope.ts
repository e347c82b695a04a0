import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ProviderId } from '../tenancy';

/**
 * Limits a query on presence lessons (aliased `alias`) to those the viewer sees: the provider's staff all of the
 * provider's lessons, a teacher only the lessons they teach. The access rule for the kind 'lesson' and the lesson lists
 * use this one condition, so a list shows exactly what the access module would allow.
 */
export function scopeToVisibleLessons<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>, alias: string, providerId: ProviderId, viewer: { userId: string; role: string },
): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.provider_id = :lessonProviderId`, { lessonProviderId: providerId });
  return viewer.role === 'TEACHER' ? query.andWhere(`${alias}.teacher_user_id = :lessonTeacherId`, { lessonTeacherId: viewer.userId }) : query;
}
