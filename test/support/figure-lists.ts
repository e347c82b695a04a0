// The lists a figure's link opens, read whole (every page), for the integration tests of issue #10's drill-downs.
import { type ProviderPlacementFilterInput, ProviderPlacementsDocument } from '@inburgering/contracts';
import type { GraphqlSession } from './graphql-session';

/** Every page of a provider's list for a filter: the placements (id, client) listed, the total it says, the attempts an exam cell counts. */
export async function allProviderPlacements(session: GraphqlSession, filter: ProviderPlacementFilterInput): Promise<{ items: { id: string; clientId: string }[]; total: number; attempts: number | null }> {
  const items: { id: string; clientId: string }[] = [];
  let total = 0;
  let attempts: number | null = null;
  do {
    const { providerPlacementPage: page } = await session.ok(ProviderPlacementsDocument, { limit: 200, offset: items.length, filter });
    items.push(...page.items.map((p) => ({ id: p.id, clientId: p.clientId })));
    ({ total } = page);
    attempts = page.examAttemptsInFigure ?? null;
    if (page.items.length === 0) break;
  } while (items.length < total);
  return { items, total, attempts };
}
