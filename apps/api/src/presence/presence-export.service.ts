import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareDates, formatDateNl, isHourDateInRange, localMomentInAmsterdam, timeOfMinutes } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService, scopeToVisibleLessons } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { ValidationAppError } from '../common';
import { PresenceLessonEntity } from '../database';
import { type Actor, providerScopeOf } from '../tenancy';
import { type ExportSheet, renderPresencePdf } from './presence-pdf';
import { foldMarks, lessonsById, marksOf, statusOf, studentsOf } from './presence-lists';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REASONS: Record<string, string> = { SICK: 'ziek', EXCUSED: 'geoorloofd', UNEXCUSED: 'ongeoorloofd' };
const CREDENTIALS: Record<string, string> = { CODE: 'persoonlijke code', QR: 'QR-kaart' };
/** An instant as the auditor reads it: Amsterdam wall-clock date and time (1-12-2026 09:40). */
const localTime = (at: Date): string => {
  const moment = localMomentInAmsterdam(at);
  return `${formatDateNl(moment.date)} ${timeOfMinutes(moment.minutes)}`;
};
const KINDS: Record<string, string> = { ARRIVAL: 'aankomst', DEPARTURE: 'vertrek', ABSENT: 'afwezig' };

/**
 * What a Blik op Werk auditor asks to see (keurmerk norms 2.9.2/2.9.3), per group and period: every lesson with date,
 * time, location, teacher and closing signature; each student's sign-in time and credential kind; absences with
 * reasons; and every line in order, corrections with who, when, why and the line they correct.
 */
@Injectable()
export class PresenceExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async xlsx(actor: Actor, groupId: string | undefined, from: string | undefined, to: string | undefined): Promise<Buffer> {
    const sheets = await this.sheets(actor, groupId, from, to);
    const { Workbook } = await import('exceljs');
    const book = new Workbook();
    for (const sheet of sheets) {
      const ws = book.addWorksheet(sheet.name);
      ws.addRow(sheet.header);
      for (const row of sheet.rows) ws.addRow(row);
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
      ws.columns.forEach((c) => { c.width = 16; });
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  /** The same content as a tagged PDF (landscape A4, one table per part). */
  async pdf(actor: Actor, groupId: string | undefined, from: string | undefined, to: string | undefined): Promise<Buffer> {
    const sheets = await this.sheets(actor, groupId, from, to);
    return renderPresencePdf(`Presentielijsten ${sheets[0].rows[0]?.[3] ?? ''} ${from} t/m ${to}`.replace(/\s+/g, ' '), sheets);
  }

  /** The same content on screen: the auditor's view in the portal (cells as the export's text). */
  async audit(actor: Actor, groupId: string, from: string, to: string): Promise<ExportSheet[]> {
    return this.sheets(actor, groupId, from, to);
  }

  /** The export's parts (lessons, presence per student, every line with corrections), read once for both formats. */
  private async sheets(actor: Actor, groupId: string | undefined, from: string | undefined, to: string | undefined): Promise<ExportSheet[]> {
    const providerId = providerScopeOf(actor);
    if (!groupId || !UUID.test(groupId)) throw this.access.notFound('group');
    if (!from || !to || !isHourDateInRange(from) || !isHourDateInRange(to) || compareDates(from, to) > 0) {
      throw new ValidationAppError([{ field: 'from', code: 'PERIOD_INVALID', message: 'Kies een periode: een begin- en einddatum (jjjj-mm-dd), het begin vóór het einde.' }]);
    }
    await this.access.requireOne(actor, 'group', groupId);
    const query = scopeToVisibleLessons(this.db.getRepository(PresenceLessonEntity).createQueryBuilder('l'), 'l', providerId, actor).select('l.id', 'id')
      .andWhere('l.groupId = :groupId', { groupId })
      .andWhere('l.lessonDate BETWEEN :from AND :to', { from, to });
    const ids = (await query.getRawMany<{ id: string }>()).map((r) => r.id);
    const lessons = await lessonsById(this.db.manager, providerId, ids);
    const students = await studentsOf(this.db.manager, lessons);
    const marks = await marksOf(this.db.manager, ids);
    await logProcessing(this.db.manager, actor, 'READ', 'client', [...new Set(students.map((s) => s.clientId))], PURPOSE.PROVIDER_EXECUTION);

    const lessonSheet: ExportSheet = { name: 'Lessen', header: ['Datum', 'Begin', 'Einde', 'Groep', 'Locatie', 'Docent', 'Soort', 'Vervalt', 'Status', 'Afgesloten op', 'Handtekening'], rows: [] };
    const presenceSheet: ExportSheet = { name: 'Presentie', header: ['Datum', 'Begin', 'Klantnummer', 'Voornaam', 'Achternaam', 'Aankomst', 'Aangemeld met', 'Te laat', 'Vertrek', 'Afwezig', 'Reden'], rows: [] };
    const lineSheet: ExportSheet = { name: 'Regels en correcties', header: ['Datum les', 'Klantnummer', 'Regel', 'Tijd', 'Aangemeld met', 'Reden afwezigheid', 'Vastgelegd door', 'Vastgelegd op', 'Correctie van regel', 'Reden correctie', 'Regel-id'], rows: [] };
    const name = new Map(students.map((s) => [s.placementId, s]));
    for (const lesson of lessons) {
      lessonSheet.rows.push([lesson.lessonDate, lesson.startTime, lesson.endTime, lesson.group!.name, lesson.group!.location, lesson.teacher?.displayName ?? '',
        lesson.kind === 'EXTRA' ? 'extra les' : 'rooster', lesson.cancellation ?? '', statusOf(lesson) === 'CLOSED' ? 'afgesloten' : 'open',
        lesson.closedAt ? localTime(lesson.closedAt) : '', lesson.closingSignature ?? '']);
      const lessonMarks = marks.filter((m) => m.lessonId === lesson.id);
      const states = foldMarks(lessonMarks);
      for (const s of students.filter((x) => x.lessonId === lesson.id)) {
        const st = states.get(s.placementId);
        presenceSheet.rows.push([lesson.lessonDate, lesson.startTime, Number(s.clientNumber), s.firstName, s.lastName,
          st?.arrivalMinutes != null ? timeOfMinutes(st.arrivalMinutes) : '', st?.credentialKind ? CREDENTIALS[st.credentialKind] : (st?.arrivalMinutes != null ? 'door docent' : ''),
          st?.late ? 'ja' : '', st?.departureMinutes != null ? timeOfMinutes(st.departureMinutes) : '', st?.absent ? 'ja' : (st ? '' : 'niet gemeld'),
          st?.absenceReason ? REASONS[st.absenceReason] : '']);
      }
      for (const m of lessonMarks) {
        lineSheet.rows.push([lesson.lessonDate, Number(name.get(m.placementId)?.clientNumber ?? 0) || '', KINDS[m.kind] ?? m.kind, m.atMinutes != null ? timeOfMinutes(m.atMinutes) : '',
          m.credentialKind ? CREDENTIALS[m.credentialKind] : '', m.absenceReason ? REASONS[m.absenceReason] : '', m.recordedByName, localTime(m.recordedAt),
          m.correctsMarkId ?? '', m.correctionReason ?? '', m.id]);
      }
    }
    return [lessonSheet, presenceSheet, lineSheet];
  }
}
