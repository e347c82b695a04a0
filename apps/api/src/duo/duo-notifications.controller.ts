import { Body, Controller, Headers, HttpCode, HttpException, Inject, Post, Req } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { TLSSocket } from 'node:tls';
import { DataSource } from 'typeorm';
import { Public } from '../auth';
import { BSN_CRYPTO, BsnCrypto, logContextOf } from '../common';
import { APP_CONFIG, type AppConfig } from '../config';
import { ClientEntity, DuoLinkEntity, DuoNotificationEntity } from '../database';
import { enqueueInOutbox } from '../outbox';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OIN = /^\d{20}$/;

/** DUO's answer shape for errors (Notificatie API, Foutmelding), with the status DUO's specification names. */
function refuse(status: 400 | 401 | 403, fouttekst: string): HttpException {
  return new HttpException({ fouttekst }, status);
}

const normalise = (fingerprint: string) => fingerprint.replace(/:/g, '').toLowerCase();

interface NotificationBody {
  registratieDatumTijd?: unknown;
  bsn?: unknown;
  vNummer?: unknown;
  gebeurtenisId?: unknown;
}

/**
 * DUO's notifications (Notificatie API, POST /notificaties), one endpoint for all municipalities: the `doel` header
 * names the municipality (its OIN), `bron` must be DUO's OIN of that municipality's link, and the caller must present
 * a client certificate over mutual TLS whose fingerprint is configured. A repeated berichtId does nothing twice.
 */
@Controller('duo/v1')
export class DuoNotificationsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BSN_CRYPTO) private readonly crypto: BsnCrypto,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('notificaties')
  @HttpCode(201)
  async receive(
    @Req() req: FastifyRequest,
    @Headers('bron') bron: string | undefined,
    @Headers('doel') doel: string | undefined,
    @Headers('berichtid') berichtId: string | undefined,
    @Body() body: NotificationBody,
  ): Promise<Record<string, never>> {
    this.requireDuoCertificate(req);
    if (!bron || !OIN.test(bron) || !doel || !OIN.test(doel) || !berichtId || !UUID.test(berichtId)) {
      throw refuse(400, 'De headers bron en doel (OIN, 20 cijfers) en berichtId (uuid) zijn verplicht.');
    }
    const eventId = typeof body?.gebeurtenisId === 'string' ? body.gebeurtenisId : '';
    const registered = typeof body?.registratieDatumTijd === 'string' ? new Date(body.registratieDatumTijd) : null;
    const bsn = body?.bsn;
    if (!/^[0-9A-Z]{1,6}$/.test(eventId) || !registered || Number.isNaN(registered.getTime()) || (bsn !== undefined && (typeof bsn !== 'string' || !/^\d{9}$/.test(bsn)))) {
      throw refuse(400, 'De notificatie voldoet niet aan de specificatie (gebeurtenisId, registratieDatumTijd, bsn).');
    }
    const link = await this.db.getRepository(DuoLinkEntity).findOne({ where: { municipalityOin: doel, enabled: true } });
    if (!link || link.duoOin !== bron) throw refuse(403, 'Deze afzender of ontvanger is niet bekend bij deze koppeling.');
    const municipalityId = link.municipalityId;
    let clientId: string | null = null;
    if (typeof bsn === 'string') {
      const client = await this.db.getRepository(ClientEntity).findOne({ where: { municipalityId, bsnHash: this.crypto.hash(municipalityId, bsn) }, select: { id: true } });
      if (!client) throw refuse(403, 'De persoon is geen inburgeraar van deze gemeente.');
      clientId = client.id;
    }
    await this.db.transaction(async (manager) => {
      const inserted = await manager.createQueryBuilder().insert().into(DuoNotificationEntity)
        .values({ berichtId, municipalityId, clientId, eventId, registeredAt: registered, status: 'RECEIVED' })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (id) await enqueueInOutbox(manager, 'duo.process-notification', { notificationId: id, municipalityId }, { requestId: logContextOf(req)?.requestId });
    });
    return {};
  }

  /** Mutual TLS: the connection must carry a client certificate verified against the configured CA and one of DUO's fingerprints. */
  private requireDuoCertificate(req: FastifyRequest): void {
    const socket = req.socket as Partial<TLSSocket>;
    const allowed = new Set((this.config.duoNotificationCertFingerprints ?? []).map(normalise));
    if (typeof socket.getPeerCertificate !== 'function' || !socket.authorized) throw refuse(401, 'Alleen DUO kan notificaties aanleveren (wederzijdse TLS vereist).');
    const certificate = socket.getPeerCertificate();
    if (!certificate?.fingerprint256 || !allowed.has(normalise(certificate.fingerprint256))) throw refuse(401, 'Dit certificaat is niet dat van DUO.');
  }
}
