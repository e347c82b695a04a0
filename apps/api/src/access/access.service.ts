import { Injectable } from '@nestjs/common';
import { NotFoundAppError } from '../common';
import { type Actor, tenantScopeOf } from '../tenancy';
import { AccessRepository, type AccessKind } from './access.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One answer for "unknown" and "not yours", so an id's existence never leaks (no existence oracle). */
const NOT_FOUND: Record<AccessKind, string> = {
  client: 'Deze inburgeraar bestaat niet of is niet bij uw organisatie bekend.',
  placement: 'Deze plaatsing bestaat niet of is niet bij uw organisatie bekend.',
  lot: 'Dit perceel bestaat niet of is niet bij uw organisatie bekend.',
  contract: 'Dit contract bestaat niet of is niet bij uw organisatie bekend.',
  startMoment: 'Dit instroommoment bestaat niet of is niet bij uw organisatie bekend.',
  qualityRequirement: 'Deze kwaliteitseis bestaat niet of is niet bij uw organisatie bekend.',
  evidence: 'Dit bewijsstuk bestaat niet of is niet bij uw organisatie bekend.',
  document: 'Dit document bestaat niet of is niet bij uw organisatie bekend.',
  hourEntry: 'Deze urenregel bestaat niet of is niet bij uw organisatie bekend.',
  hourPeriod: 'Deze urenmaand bestaat niet of is niet bij uw organisatie bekend.',
  result: 'Dit resultaat bestaat niet of is niet bij uw organisatie bekend.',
  outcome: 'Deze uitstroom bestaat niet of is niet bij uw organisatie bekend.',
  signal: 'Dit signaal bestaat niet of is niet bij uw organisatie bekend.',
  importBatch: 'Deze import bestaat niet of is niet bij uw organisatie bekend.',
  subRegion: 'Deze subregio bestaat niet of is niet bij uw organisatie bekend.',
  municipality: 'Deze gemeente bestaat niet of is niet bij uw organisatie bekend.',
  provider: 'Deze aanbieder bestaat niet of is niet bij uw organisatie bekend.',
  institution: 'Deze onderwijsinstelling bestaat niet of is niet bij uw organisatie bekend.',
  invoice: 'Deze factuur bestaat niet of is niet bij uw organisatie bekend.',
  group: 'Deze groep bestaat niet of is niet bij u bekend.',
  lesson: 'Deze les bestaat niet of is niet bij u bekend.',
  teacher: 'Deze docent bestaat niet of is niet bij uw organisatie bekend.',
  report: 'Deze kwartaalrapportage bestaat niet of is niet bij uw organisatie bekend.',
  mapPart: 'Dit MAP-onderdeel bestaat niet of is niet bij uw organisatie bekend.',
  mapPartChoice: 'Dit gekozen MAP-onderdeel bestaat niet of is niet bij uw organisatie bekend.',
  loginOrganisation: 'Deze organisatie bestaat niet of is niet bij uw regio bekend.',
  appUser: 'Deze gebruiker bestaat niet of is niet bij uw organisatie bekend.',
  userOrganisation: 'Deze organisatie bestaat niet of is niet bij uw organisatie bekend.',
  passkey: 'Deze passkey bestaat niet of hoort niet bij uw account.',
};

/**
 * The one place that decides which ids an actor may see or change. Services call it before they read or write by id;
 * ids that are not well-formed never reach the database and count as unknown.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repository: AccessRepository) {}

  /** The subset of `ids` the actor may see, in one query. */
  async allowed(actor: Actor, kind: AccessKind, ids: readonly string[]): Promise<Set<string>> {
    const wellFormed = ids.filter((id) => typeof id === 'string' && UUID.test(id));
    return this.repository.visible(kind, tenantScopeOf(actor), wellFormed, { userId: actor.userId, role: actor.role });
  }

  /** Throws the same NOT_FOUND for unknown and foreign ids unless the actor may see every one of them. */
  async require(actor: Actor, kind: AccessKind, ids: readonly string[]): Promise<void> {
    const allowed = await this.allowed(actor, kind, ids);
    if (ids.some((id) => !allowed.has(id))) throw new NotFoundAppError(NOT_FOUND[kind]);
  }

  /** `require` for one id, giving it back for chaining. */
  async requireOne(actor: Actor, kind: AccessKind, id: string): Promise<string> {
    await this.require(actor, kind, [id]);
    return id;
  }

  /** The NOT_FOUND error of a kind, for a service that finds out later (for example a row gone under a lock). */
  notFound(kind: AccessKind): NotFoundAppError {
    return new NotFoundAppError(NOT_FOUND[kind]);
  }
}
