import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addMonths, type CalendarDate } from '@inburgering/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { HourPeriodEntity } from '../database';
import type { Actor } from '../tenancy';
import { HourPeriodClientType, HourPeriodDayType } from './hour-period-clients.types';

interface ClientDayRow {
  clientId: string;
  clientNumber: number;
  firstName: string;
  lastName: string;
  date: CalendarDate;
  planned: number;
  attended: number;
}

/** The current version of every entry of one provider, municipality and month, summed per client and lesson day. */
function clientDays(manager: EntityManager, period: Pick<HourPeriodEntity, 'providerId' | 'municipalityId' | 'month'>): Promise<ClientDayRow[]> {
  return manager.query<ClientDayRow[]>(
    `WITH current AS (
       SELECT DISTINCT ON (placement_id, lesson_date, category) client_id, lesson_date, planned_minutes, attended_minutes
         FROM hour_entry
        WHERE provider_id = $1 AND municipality_id = $2 AND lesson_date >= $3 AND lesson_date < $4
        ORDER BY placement_id, lesson_date, category, revision DESC
     )
     SELECT c.id AS "clientId", c.client_number AS "clientNumber", c.first_name AS "firstName", c.last_name AS "lastName",
            to_char(h.lesson_date, 'YYYY-MM-DD') AS date, sum(h.planned_minutes)::int AS planned, sum(h.attended_minutes)::int AS attended
       FROM current h JOIN client c ON c.id = h.client_id
      GROUP BY c.id, h.lesson_date
      ORDER BY c.last_name, c.first_name, c.client_number, h.lesson_date`,
    [period.providerId, period.municipalityId, period.month, addMonths(period.month, 1)],
  );
}

/** Who and which days make up a month's totals: what the municipality checks before it approves. */
@Injectable()
export class HourPeriodClientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async clients(actor: Actor, periodId: string): Promise<HourPeriodClientType[]> {
    await this.access.requireOne(actor, 'hourPeriod', periodId);
    const period = await this.db.getRepository(HourPeriodEntity).findOneOrFail({ select: { id: true, providerId: true, municipalityId: true, month: true }, where: { id: periodId } });
    const rows = await clientDays(this.db.manager, period);
    const byClient = new Map<string, HourPeriodClientType>();
    for (const row of rows) {
      const client = byClient.get(row.clientId) ?? Object.assign(new HourPeriodClientType(), {
        clientId: row.clientId, clientNumber: row.clientNumber, clientName: `${row.lastName}, ${row.firstName}`, plannedMinutes: 0, attendedMinutes: 0, days: [],
      });
      client.plannedMinutes += row.planned;
      client.attendedMinutes += row.attended;
      client.days.push(Object.assign(new HourPeriodDayType(), { date: row.date, plannedMinutes: row.planned, attendedMinutes: row.attended }));
      byClient.set(row.clientId, client);
    }
    const clients = [...byClient.values()];
    if (clients.length > 0) {
      await logProcessing(this.db.manager, actor, 'READ', 'client', clients.map((c) => c.clientId), actor.role === 'PROVIDER_USER' ? PURPOSE.PROVIDER_EXECUTION : PURPOSE.CASELOAD);
    }
    return clients;
  }
}
