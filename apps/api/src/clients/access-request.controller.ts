import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '../auth';
import { FileUploadErrorFilter, sendAttachment } from '../common';
import type { Actor } from '../tenancy';
import { AccessRequestService } from './access-request.service';


/** A client's access request (AVG art. 15) as PDF and as JSON; the session cookie authenticates, the service checks access. */
@Controller('api/clients')
@UseFilters(new FileUploadErrorFilter({ maxBytes: 0, tooLargeCode: 'FILE_TOO_LARGE', accepted: 'geen bestand', endpoint: 'access request endpoint' }))
export class AccessRequestController {
  constructor(private readonly requests: AccessRequestService) {}

  @Roles('CONSULTANT')
  @Get(':id/inzage.json')
  async json(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: FastifyReply): Promise<void> {
    sendAttachment(res, { contentType: 'application/json; charset=utf-8', filename: 'inzageverzoek.json', content: JSON.stringify(await this.requests.produce(actor, id), null, 2) });
  }

  @Roles('CONSULTANT')
  @Get(':id/inzage.pdf')
  async pdf(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: FastifyReply): Promise<void> {
    sendAttachment(res, { contentType: 'application/pdf', filename: 'inzageverzoek.pdf', content: await this.requests.pdf(actor, id) });
  }
}
