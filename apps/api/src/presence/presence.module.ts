import { Module, type Type } from '@nestjs/common';
import { PresenceCodeThrottle } from './presence-code-throttle';
import { PresenceExportController } from './presence-export.controller';
import { PresenceAuditResolver } from './presence-audit.resolver';
import { PresenceExportService } from './presence-export.service';
import { PresenceGroupsService } from './presence-groups.service';
import { PresenceResolver } from './presence.resolver';
import { PresenceService } from './presence.service';

export const PRESENCE_RESOLVERS: Type[] = [PresenceResolver, PresenceAuditResolver];

/** The digital presence list (issue 12): groups, lessons, sign-in cards, signing in, closing and correcting. */
@Module({ controllers: [PresenceExportController], providers: [PresenceService, PresenceCodeThrottle, PresenceGroupsService, PresenceExportService, ...PRESENCE_RESOLVERS] })
export class PresenceModule {}
