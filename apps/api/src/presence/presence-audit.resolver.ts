import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import { CalendarDateScalar } from '../graphql';
import type { Actor } from '../tenancy';
import { PresenceExportService } from './presence-export.service';
import { PresenceAuditType } from './presence.types';

/** The auditor's view of a group's presence lists over a period: the export's content, on screen. */
@Resolver()
export class PresenceAuditResolver {
  constructor(private readonly exportService: PresenceExportService) {}

  @Roles('PROVIDER_USER', 'TEACHER')
  @Query(() => PresenceAuditType, { description: 'De presentielijsten van een groep over een periode, zoals de auditor ze ziet (een docent: alleen de eigen lessen).' })
  async presenceAudit(
    @CurrentActor() actor: Actor,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('from', { type: () => CalendarDateScalar }) from: string,
    @Args('to', { type: () => CalendarDateScalar }) to: string,
  ): Promise<PresenceAuditType> {
    const sheets = await this.exportService.audit(actor, groupId, from, to);
    return { groupId, from, to, sheets: sheets.map((sheet) => ({ name: sheet.name, header: sheet.header, rows: sheet.rows.map((row) => row.map((cell) => String(cell))) })) };
  }
}
