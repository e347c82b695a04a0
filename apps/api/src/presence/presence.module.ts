import { Module, type Type } from '@nestjs/common';
import { PresenceGroupsService } from './presence-groups.service';
import { PresenceResolver } from './presence.resolver';
import { PresenceService } from './presence.service';

export const PRESENCE_RESOLVERS: Type[] = [PresenceResolver];

/** The digital presence list (issue 12): groups, lessons, sign-in cards, signing in, closing and correcting. */
@Module({ providers: [PresenceService, PresenceGroupsService, ...PRESENCE_RESOLVERS] })
export class PresenceModule {}
