// The digital presence list (issue 12): a teacher's lesson, students signing in with their own card (also offline,
// replayed without duplicates), absence, closing with the teacher's password, immutability, corrections, the hours
// in the grid and the absence signal at the consultant; a teacher sees only their own lessons, never a BSN.
import {
  AbsenceSignalsDocument, ClosePresenceLessonDocument, CreatePresenceGroupDocument, PresenceAuditDocument, ImportBatchDocument, CorrectPresenceDocument, HourWeekDocument, MarkPresenceDocument, PresenceLessonDocument, PresenceLessonsDocument,
  PresenceTeachersDocument, RevokePresenceCardDocument, SaveHourEntriesDocument, SignInToLessonDocument,
} from '@inburgering/contracts';
import { addDays, formatDateNl, isoWeekday, startOfIsoWeek } from '@inburgering/domain';
import ExcelJS from 'exceljs';
import { inflateSync } from 'node:zlib';
import { Client } from 'pg';
import { SettableClock } from '../../apps/api/src/clock/clock';
import { openDataSource } from '../../apps/api/src/database/open-data-source';
import { upsertCells } from '../../apps/api/src/hours/hour-entry.repository';
import { PRESENCE_CODE_THROTTLE } from '../../apps/api/src/presence/presence-code-throttle';
import { DEMO_PASSWORD, loginAs, type GraphqlSession } from '../support/graphql-session';
import { amsterdam, lessonDay, markId, presenceGroup, type PresenceGroupFixture } from '../support/presence-fixtures';
import { hoursCsv, uploadHours } from '../support/hours-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

const DAY = lessonDay();
const clock = new SettableClock(amsterdam(DAY, '08:55'));
let platform: TestPlatform;
let pg: Client;
let provider: GraphqlSession;
let teacher: GraphqlSession;
let otherTeacher: GraphqlSession;
let group: PresenceGroupFixture;

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true, clock });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  teacher = await loginAs(platform.url, 'docent@newbees.demo.nl');
  otherTeacher = await loginAs(platform.url, 'docent2@newbees.demo.nl');
  group = await presenceGroup(pg, provider, teacher, { date: DAY, name: 'Presentie A', count: 4, teacherEmail: 'docent@newbees.demo.nl' });
}, 120_000);
afterAll(async () => {
  await pg?.end();
  await platform?.close();
});

/** The text a PDF shows: every content stream inflated, the hex strings of its text operators decoded (WinAnsi). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      parts.push([...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''));
    }
  }
  return parts.join(' ');
}

const marksIn = async (lessonId: string) => Number((await pg.query(`SELECT count(*) FROM presence_mark WHERE lesson_id = $1`, [lessonId])).rows[0].count);
const signIn = (code: string, clientMarkId = markId(), occurredAt?: Date) =>
  teacher.request(SignInToLessonDocument, { input: { lessonId: group.lessonId, code, credentialKind: 'CODE', clientMarkId, occurredAt: occurredAt?.toISOString() } });

describe('the demo', () => {
  it('shows what its closed presence lists signalled: the first student of New Bees\' first group, sick for two weeks, is signalled to the consultant', async () => {
    // Demo lists are seeded closed and the seed runs the absence rules over them (no job); the sick student is the demo's story.
    const { rows: [sick] } = await pg.query<{ client_id: string; email: string; absent: number }>(
      `SELECT p.client_id, (SELECT min(u.email) FROM app_user u WHERE u.organisation_id = p.municipality_id AND u.role = 'CONSULTANT') AS email,
              (SELECT count(*)::int FROM presence_mark pm JOIN presence_lesson l ON l.id = pm.lesson_id
                WHERE pm.placement_id = p.id AND pm.kind = 'ABSENT' AND pm.absence_reason = 'SICK' AND l.closed_at IS NOT NULL) AS absent
         FROM presence_group g
         JOIN app_user t ON t.id = g.teacher_user_id AND t.email = 'docent@newbees.demo.nl'
         JOIN presence_group_member gm ON gm.group_id = g.id JOIN placement p ON p.id = gm.placement_id
        WHERE g.name <> 'Presentie A'
        ORDER BY absent DESC LIMIT 1`,
    );
    expect(sick.absent).toBeGreaterThanOrEqual(3);
    const consultant = await loginAs(platform.url, sick.email);
    const { items } = (await consultant.ok(AbsenceSignalsDocument, { openOnly: true, limit: 200 })).signalPage;
    expect(items.filter((item) => item.subjectId === sick.client_id).map((item) => item.kind)).toContain('ABSENCE_LOW_ATTENDANCE');
  });
});

describe('a teacher sees only their own lessons, with name and client number only', () => {
  it('shows the students of the own lesson without BSN or anything else', async () => {
    const { presenceLesson } = await teacher.ok(PresenceLessonDocument, { id: group.lessonId });
    expect(presenceLesson.students.map((s) => s.clientNumber).sort()).toEqual(group.students.map((s) => s.clientNumber).sort());
    const raw = await teacher.request(`query ($id: ID!) { presenceLesson(id: $id) { students { placementId clientNumber firstName lastName } } }`, { id: group.lessonId });
    expect(JSON.stringify(raw)).not.toMatch(/bsn|999\d{6}/i);
    const bsnField = await teacher.request(`query ($id: ID!) { presenceLesson(id: $id) { students { bsn } } }`, { id: group.lessonId });
    expect(bsnField.errors?.[0].message).toMatch(/bsn/);
  });

  it('gets no existing query: clients, placements and the hour grid are forbidden', async () => {
    for (const query of [`{ clients { __typename } }`, `{ providerPlacementPage { total } }`, `{ hourWeek(weekStart: "${DAY}") { weekStart } }`, `{ signalPage(openOnly: true) { total } }`]) {
      expect((await teacher.request(query)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('answers another teacher opening or signing in to this lesson like an unknown lesson, and writes nothing', async () => {
    const foreign = await otherTeacher.request(PresenceLessonDocument, { id: group.lessonId });
    const unknown = await otherTeacher.request(PresenceLessonDocument, { id: markId() });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(unknown.errors?.[0].message);
    const before = await marksIn(group.lessonId);
    const write = await otherTeacher.request(SignInToLessonDocument, { input: { lessonId: group.lessonId, code: group.students[0].code, credentialKind: 'CODE', clientMarkId: markId() } });
    expect(write.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await marksIn(group.lessonId)).toBe(before);
    const { presenceLessons } = await otherTeacher.ok(`query ($date: CalendarDate!) { presenceLessons(date: $date) { id } }` as never, { date: DAY } as never) as { presenceLessons: { id: string }[] };
    expect(presenceLessons.map((l) => l.id)).not.toContain(group.lessonId);
  });
});

describe('signing in, closing and what follows', () => {
  it('signs three students in (one offline, replayed twice), refuses a wrong or revoked code and a sign-in outside the lesson', async () => {
    const [a, b, c] = group.students;
    expect((await signIn(a.code.toLowerCase())).errors).toBeUndefined();
    // Offline at 09:05: the device keeps the sign-in and sends it twice after reconnecting at 09:20.
    clock.set(amsterdam(DAY, '09:20'));
    const offlineId = markId();
    const first = await signIn(b.code, offlineId, amsterdam(DAY, '09:05'));
    const replay = await signIn(b.code, offlineId, amsterdam(DAY, '09:05'));
    expect(first.errors).toBeUndefined();
    expect(replay.errors).toBeUndefined();
    expect(Number((await pg.query(`SELECT count(*) FROM presence_mark WHERE client_mark_id = $1`, [offlineId])).rows[0].count)).toBe(1);
    const student = replay.data!.signInToLesson.students.find((s) => s.placementId === b.placementId)!;
    expect(student).toMatchObject({ arrivalTime: '09:05', late: false, credentialKind: 'CODE' });

    const wrong = await signIn('ZZZZZZZZ');
    expect(wrong.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'code', message: expect.stringContaining('onbekend') })]);
    await provider.ok(RevokePresenceCardDocument, { input: { placementId: c.placementId } });
    expect((await signIn(c.code)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const { issuePresenceCard } = await provider.ok(`mutation ($input: PresenceCardInput!) { issuePresenceCard(input: $input) { code } }` as never, { input: { placementId: c.placementId } } as never) as { issuePresenceCard: { code: string } };
    clock.set(amsterdam(DAY, '13:00'));
    const late = await signIn(issuePresenceCard.code);
    expect(late.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ code: 'SIGN_IN_CLOSED' })]);
    clock.set(amsterdam(DAY, '09:40'));
    const { signInToLesson } = await teacher.ok(SignInToLessonDocument, { input: { lessonId: group.lessonId, code: issuePresenceCard.code, credentialKind: 'QR', clientMarkId: markId() } });
    expect(signInToLesson.students.find((s) => s.placementId === c.placementId)).toMatchObject({ arrivalTime: '09:40', late: true, credentialKind: 'QR' });
    expect(signInToLesson.presentCount).toBe(3);
  });

  it('closes only a complete list, only with the own password; then the hours are in the grid and the absence signal reaches the consultant', async () => {
    const sick = group.students[3];
    // Four earlier weeks of low attendance, so the closed list tips the municipality's low-attendance rule.
    await pg.query(
      `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason)
       SELECT p.id, p.client_id, p.provider_id, p.municipality_id, $2::date - 7 * g, 'LANGUAGE', 180, 0, 'SICK' FROM placement p, generate_series(1, 4) g WHERE p.id = $1`,
      [sick.placementId, DAY],
    );
    const incomplete = await teacher.request(ClosePresenceLessonDocument, { input: { lessonId: group.lessonId, password: DEMO_PASSWORD } });
    expect(incomplete.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ code: 'STUDENTS_UNMARKED' })]);
    await teacher.ok(MarkPresenceDocument, { input: { lessonId: group.lessonId, placementId: sick.placementId, kind: 'ABSENT', absenceReason: 'SICK', clientMarkId: markId() } });
    const wrongPassword = await teacher.request(ClosePresenceLessonDocument, { input: { lessonId: group.lessonId, password: 'niet-mijn-wachtwoord' } });
    expect(wrongPassword.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'password' })]);
    expect((await teacher.ok(PresenceLessonDocument, { id: group.lessonId })).presenceLesson.status).toBe('OPEN');
    const signalsFor = async () => (await (await loginAs(platform.url, 'consulent@arnhem.demo.nl')).ok(AbsenceSignalsDocument, { openOnly: false, limit: 200 })).signalPage.items
      .filter((s) => s.subjectId === sick.clientId);
    expect(await signalsFor()).toEqual([]);

    const { closePresenceLesson } = await teacher.ok(ClosePresenceLessonDocument, { input: { lessonId: group.lessonId, password: DEMO_PASSWORD } });
    expect(closePresenceLesson.status).toBe('CLOSED');
    expect(closePresenceLesson.closingSignature).toContain('docent@newbees.demo.nl');

    const { hourWeek } = await provider.ok(HourWeekDocument, { weekStart: DAY, groupName: null });
    const cell = (placementId: string) => hourWeek.rows.find((r) => r.placementId === placementId)!.entries.find((e) => e.date === DAY && e.category === 'LANGUAGE')!;
    expect(cell(group.students[0].placementId)).toMatchObject({ plannedMinutes: 180, attendedMinutes: 180, absenceReason: null, source: 'PRESENCE_LIST' });
    expect(cell(group.students[2].placementId)).toMatchObject({ plannedMinutes: 180, attendedMinutes: 140, absenceReason: 'UNEXCUSED', source: 'PRESENCE_LIST' });
    expect(cell(sick.placementId)).toMatchObject({ plannedMinutes: 180, attendedMinutes: 0, absenceReason: 'SICK', source: 'PRESENCE_LIST' });
    const edit = await provider.request(SaveHourEntriesDocument, { input: { cells: [{ placementId: sick.placementId, date: DAY, category: 'LANGUAGE', plannedMinutes: 180, attendedMinutes: 180, absenceReason: null, version: cell(sick.placementId).version }] } });
    expect(edit.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ code: 'FROM_PRESENCE_LIST' })]);

    const started = Date.now();
    const signals = await waitFor('absence signal at the consultant', async () => ((await signalsFor()).length > 0 ? signalsFor() : undefined), 60_000);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(signals[0].kind).toBe('ABSENCE_LOW_ATTENDANCE');
  });

  it('keeps a closed list immutable: no sign-in, no mark, not even straight into the table', async () => {
    const before = await marksIn(group.lessonId);
    expect((await signIn(group.students[0].code)).errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ code: 'LESSON_CLOSED' })]);
    const mark = await teacher.request(MarkPresenceDocument, { input: { lessonId: group.lessonId, placementId: group.students[0].placementId, kind: 'ABSENT', absenceReason: 'EXCUSED', clientMarkId: markId() } });
    expect(mark.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ code: 'LESSON_CLOSED' })]);
    await expect(pg.query(`UPDATE presence_mark SET at_minutes = 0 WHERE lesson_id = $1`, [group.lessonId])).rejects.toThrow(/append-only/);
    await expect(pg.query(`INSERT INTO presence_mark (lesson_id, placement_id, client_mark_id, kind, recorded_by_user_id)
                           SELECT $1, placement_id, gen_random_uuid(), 'ABSENT', recorded_by_user_id FROM presence_mark WHERE lesson_id = $1 LIMIT 1`, [group.lessonId])).rejects.toThrow(/closed/);
    expect(await marksIn(group.lessonId)).toBe(before);
  });

  it('corrects a closed list with a new line (who, when, why), keeps the original visible and updates the hours', async () => {
    const sick = group.students[3];
    const noReason = await teacher.request(CorrectPresenceDocument, { input: { lessonId: group.lessonId, placementId: sick.placementId, kind: 'ARRIVAL', time: '10:00', reason: '', clientMarkId: markId() } });
    expect(noReason.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ code: 'CORRECTION_REASON_REQUIRED' })]);
    const correctionId = markId();
    const input = { lessonId: group.lessonId, placementId: sick.placementId, kind: 'ARRIVAL' as const, time: '10:00', absenceReason: 'EXCUSED' as const, reason: 'Kwam later binnen na huisartsbezoek', clientMarkId: correctionId };
    await teacher.ok(CorrectPresenceDocument, { input });
    const { correctPresence } = await teacher.ok(CorrectPresenceDocument, { input });
    const lines = correctPresence.marks.filter((m) => m.placementId === sick.placementId);
    expect(lines.map((m) => m.kind)).toEqual(['ABSENT', 'ARRIVAL']);
    expect(lines[1]).toMatchObject({ correctsMarkId: lines[0].id, correctionReason: 'Kwam later binnen na huisartsbezoek', recordedBy: 'Docent New Bees' });
    expect(correctPresence.status).toBe('CLOSED');
    const { hourWeek } = await provider.ok(HourWeekDocument, { weekStart: DAY, groupName: null });
    const entry = hourWeek.rows.find((r) => r.placementId === sick.placementId)!.entries.find((e) => e.date === DAY && e.category === 'LANGUAGE')!;
    expect(entry).toMatchObject({ plannedMinutes: 180, attendedMinutes: 120, absenceReason: 'EXCUSED', source: 'PRESENCE_LIST' });
  });

  it('has no list for another day: signing in on a lesson of next week is refused as outside the lesson', async () => {
    const next = (await pg.query(`SELECT id FROM presence_lesson WHERE group_id = $1 AND lesson_date = $2`, [group.groupId, addDays(DAY, 7)])).rows[0];
    const result = await teacher.request(SignInToLessonDocument, { input: { lessonId: next.id, code: group.students[0].code, credentialKind: 'CODE', clientMarkId: markId() } });
    expect(result.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ code: 'SIGN_IN_CLOSED' })]);
  });
});

describe('the auditor export', () => {
  const download = (session: GraphqlSession, query: string) => fetch(`${platform.url}/api/presence/export.xlsx?${query}`, { headers: { cookie: session.lastSetCookie!.split(';')[0] } });

  it('holds every lesson with teacher and signature, each sign-in with its credential, the absence and the correction with its original', async () => {
    const response = await download(provider, `groupId=${group.groupId}&from=${DAY}&to=${addDays(DAY, 13)}`);
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const lessons = rows('Lessen');
    expect(lessons[1]).toEqual(expect.arrayContaining([DAY, '09:00', '12:00', 'Presentie A', 'Docent New Bees', 'afgesloten', expect.stringContaining('docent@newbees.demo.nl')]));
    expect(lessons).toHaveLength(3);
    const presence = rows('Presentie');
    const b = presence.find((r) => r[2] === group.students[1].clientNumber)!;
    expect(b.slice(5, 7)).toEqual(['09:05', 'persoonlijke code']);
    const lines = rows('Regels en correcties').filter((r) => r[1] === group.students[3].clientNumber);
    expect(lines.map((r) => r[2])).toEqual(['afwezig', 'aankomst']);
    expect(lines[1][8]).toBe(lines[0][10]);
    expect(lines[1][9]).toBe('Kwam later binnen na huisartsbezoek');
    expect(JSON.stringify(rows('Presentie'))).not.toMatch(/999\d{6}/);
  });

  it('holds the same in the PDF: lessons with teacher and signature, sign-ins with credential, the absence and the correction; logged as a read', async () => {
    const before = Number((await pg.query(`SELECT count(*) FROM processing_log WHERE action = 'READ' AND $1 = ANY(subject_ids)`, [group.students[3].clientId])).rows[0].count);
    const response = await fetch(`${platform.url}/api/presence/export.pdf?groupId=${group.groupId}&from=${DAY}&to=${addDays(DAY, 13)}`, { headers: { cookie: provider.lastSetCookie!.split(';')[0] } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    for (const expected of ['Lessen', 'Presentie', 'Regels en correcties', 'Presentie A', 'Arnhem, Velperweg', 'Docent New Bees', 'docent@newbees.demo.nl', 'met wachtwoord bevestigd',
      String(group.students[1].clientNumber), '09:05', 'persoonlijke code', 'QR-kaart', 'afwezig', 'ziek', 'Kwam later binnen na huisartsbezoek',
      // Closed (and every line recorded) at 09:40 Amsterdam time, shown as the auditor reads it.
      `${formatDateNl(DAY)} 09:40`]) {
      // A cell wraps its text over lines (even inside a word), so compare without white space.
      expect(text.replace(/\s+/g, '')).toContain(expected.replace(/\s+/g, ''));
    }
    expect(text).not.toMatch(/999\d{6}/);
    const after = Number((await pg.query(`SELECT count(*) FROM processing_log WHERE action = 'READ' AND $1 = ANY(subject_ids)`, [group.students[3].clientId])).rows[0].count);
    expect(after).toBe(before + 1);
  });

  it('shows the same on screen (the auditor\'s view): lessons with signature, sign-ins with credential, the absence and the correction; a wrong period is refused on the field', async () => {
    const { presenceAudit } = await provider.ok(PresenceAuditDocument, { groupId: group.groupId, from: DAY, to: addDays(DAY, 13) });
    const sheet = (name: string) => presenceAudit.sheets.find((s) => s.name === name)!.rows;
    expect(sheet('Lessen')[0]).toEqual(expect.arrayContaining([DAY, 'Presentie A', 'Arnhem, Velperweg', 'afgesloten', expect.stringContaining('met wachtwoord bevestigd')]));
    expect(sheet('Presentie').find((r) => r[2] === String(group.students[1].clientNumber))!.slice(5, 7)).toEqual(['09:05', 'persoonlijke code']);
    const lines = sheet('Regels en correcties').filter((r) => r[1] === String(group.students[3].clientNumber));
    expect(lines.map((r) => [r[2], r[5], r[9]])).toEqual([['afwezig', 'ziek', ''], ['aankomst', 'geoorloofd', 'Kwam later binnen na huisartsbezoek']]);
    expect(JSON.stringify(presenceAudit)).not.toMatch(/999\d{6}/);
    // The other teacher's view of this group is the unknown group's answer; a period the wrong way round names the field.
    const foreign = await otherTeacher.request(PresenceAuditDocument, { groupId: group.groupId, from: DAY, to: DAY });
    const unknown = await otherTeacher.request(PresenceAuditDocument, { groupId: markId(), from: DAY, to: DAY });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(unknown.errors?.[0].message);
    const backwards = await provider.request(PresenceAuditDocument, { groupId: group.groupId, from: DAY, to: addDays(DAY, -1) });
    expect(backwards.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'from', code: 'PERIOD_INVALID' })]);
  });

  it('answers another teacher and a foreign group like an unknown group', async () => {
    const foreign = await download(otherTeacher, `groupId=${group.groupId}&from=${DAY}&to=${DAY}`);
    const unknown = await download(otherTeacher, `groupId=${markId()}&from=${DAY}&to=${DAY}`);
    expect(foreign.status).toBe(unknown.status);
    expect(await foreign.text()).toBe(await unknown.text());
    const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    expect((await download(consultant, `groupId=${group.groupId}&from=${DAY}&to=${DAY}`)).status).toBe(403);
    const pdf = (session: GraphqlSession, id: string) => fetch(`${platform.url}/api/presence/export.pdf?groupId=${id}&from=${DAY}&to=${DAY}`, { headers: { cookie: session.lastSetCookie!.split(';')[0] } });
    const [foreignPdf, unknownPdf] = [await pdf(otherTeacher, group.groupId), await pdf(otherTeacher, markId())];
    expect(foreignPdf.status).toBe(unknownPdf.status);
    expect(await foreignPdf.text()).toBe(await unknownPdf.text());
    expect((await pdf(consultant, group.groupId)).status).toBe(403);
  });
});

describe('the week grid, fixed on the way', () => {
  it('refuses attended hours with planned hours empty, with a message on the field', async () => {
    const result = await provider.request(SaveHourEntriesDocument, { input: { cells: [{ placementId: group.students[0].placementId, date: addDays(DAY, -1), category: 'KNM', plannedMinutes: 0, attendedMinutes: 120, absenceReason: null, version: null }] } });
    expect(result.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'cells.0.plannedMinutes', code: 'PLANNED_REQUIRED', message: expect.stringContaining('geplande uren') })]);
  });

  it('shows Saturday when the provider teaches on it that week, and only Monday to Friday otherwise', async () => {
    const monday = startOfIsoWeek(DAY);
    const before = (await provider.ok(HourWeekDocument, { weekStart: monday, groupName: 'geen-groep' })).hourWeek.days;
    expect(before.map((d) => isoWeekday(d))).toEqual([1, 2, 3, 4, 5]);
    await pg.query(`INSERT INTO presence_lesson (group_id, provider_id, lesson_date, start_time, end_time, kind, teacher_user_id)
                    SELECT id, provider_id, $2, '10:00', '12:00', 'EXTRA', teacher_user_id FROM presence_group WHERE id = $1`, [group.groupId, addDays(monday, 5)]);
    const after = (await provider.ok(HourWeekDocument, { weekStart: monday, groupName: 'geen-groep' })).hourWeek.days;
    expect(after.map((d) => isoWeekday(d))).toEqual([1, 2, 3, 4, 5, 6]);
  });
});


describe('guessing a personal code', () => {
  const THROTTLED = /^Te veel onjuiste codes\. Wacht \d+ minuten? en probeer het dan opnieuw/;
  const attempt = (lessonId: string, code: string) => teacher.request(SignInToLessonDocument, { input: { lessonId, code, credentialKind: 'CODE', clientMarkId: markId() } });

  it('blocks a lesson after too many wrong codes (the right code too, with a Dutch wait), then the device across lessons', async () => {
    const [x, y] = [
      await presenceGroup(pg, provider, teacher, { date: DAY, name: 'Presentie raden X', count: 1, teacherEmail: 'docent@newbees.demo.nl' }),
      await presenceGroup(pg, provider, teacher, { date: DAY, name: 'Presentie raden Y', count: 1, teacherEmail: 'docent@newbees.demo.nl' }),
    ];
    clock.set(amsterdam(DAY, '09:15'));
    for (let i = 0; i < PRESENCE_CODE_THROTTLE.perLesson; i += 1) {
      expect((await attempt(x.lessonId, `ZZZZZZZ${'ABCDEFGHJK'[i]}`)).errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ code: 'CODE_UNKNOWN' })]);
    }
    const blocked = await attempt(x.lessonId, x.students[0].code);
    expect(blocked.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors?.[0].message).toMatch(THROTTLED);
    expect(await marksIn(x.lessonId)).toBe(0);

    // Another lesson is not blocked by lesson X's count: its student signs in.
    expect((await attempt(y.lessonId, y.students[0].code)).errors).toBeUndefined();
    // But the device's own count (wrong codes in every lesson) blocks it before lesson Y reaches the lesson limit.
    let wrong = 0;
    for (;;) {
      const result = await attempt(y.lessonId, `YYYYYYY${'ABCDEFGHJK'[wrong]}`);
      if (result.errors?.[0].extensions?.code === 'TOO_MANY_REQUESTS') {
        expect(result.errors[0].message).toMatch(THROTTLED);
        break;
      }
      wrong += 1;
      expect(wrong).toBeLessThan(PRESENCE_CODE_THROTTLE.perLesson);
    }
  });
});

describe('an hours import next to the presence list', () => {
  it('refuses a row for a day whose hours come from a closed list (row, column, Dutch reason) and writes nothing', async () => {
    const [a] = group.students;
    const before = (await pg.query(`SELECT planned_minutes, attended_minutes, version FROM hour_entry WHERE placement_id = $1 AND lesson_date = $2 AND category = 'LANGUAGE' ORDER BY revision DESC LIMIT 1`, [a.placementId, DAY])).rows[0];
    const csv = hoursCsv([
      { clientNumber: a.clientNumber, date: DAY, category: 'knm', planned: '1', attended: '1' },
      { clientNumber: a.clientNumber, date: DAY, category: 'taal', planned: '3', attended: '0', reason: 'ongeoorloofd' },
    ]);
    const upload = await uploadHours(platform.url, provider, 'uren-naast-lijst.csv', csv, 'APPLY', markId());
    expect(upload.status).toBe(201);
    const batch = await waitFor('import decided', async () => {
      const { importBatch } = await provider.ok(ImportBatchDocument, { id: upload.body.id! });
      return ['QUEUED', 'RUNNING'].includes(importBatch.status) ? undefined : importBatch;
    }, 60_000);
    expect(batch.status).toBe('INVALID');
    expect(batch.errors).toEqual([{ row: 3, column: 'datum', message: expect.stringMatching(/^De uren van \d{1,2}-\d{1,2}-\d{4} komen uit een afgesloten presentielijst en worden niet overschreven/) }]);
    const after = (await pg.query(`SELECT planned_minutes, attended_minutes, version FROM hour_entry WHERE placement_id = $1 AND lesson_date = $2 AND category = 'LANGUAGE' ORDER BY revision DESC LIMIT 1`, [a.placementId, DAY])).rows[0];
    expect(after).toEqual(before);
    expect(Number((await pg.query(`SELECT count(*) FROM hour_entry WHERE placement_id = $1 AND lesson_date = $2 AND category = 'KNM'`, [a.placementId, DAY])).rows[0].count)).toBe(0);
  });

  it('refuses at the write itself when the list was closed after the check (the import retries and then names the row); the list\'s hours stay', async () => {
    // The import and the grid check for presence-list days before they write; a list closed in between is caught here.
    const [, b] = group.students;
    const before = (await pg.query(`SELECT planned_minutes, attended_minutes, source, version FROM hour_entry WHERE placement_id = $1 AND lesson_date = $2 AND category = 'LANGUAGE' AND revision = 0`, [b.placementId, DAY])).rows[0];
    expect(before.source).toBe('PRESENCE_LIST');
    const db = await openDataSource(platform.databaseUrl);
    try {
      const write = db.transaction((manager) => upsertCells(manager, [
        { placementId: b.placementId, date: DAY, category: 'KNM', plannedMinutes: 60, attendedMinutes: 60, absenceReason: null },
        { placementId: b.placementId, date: DAY, category: 'LANGUAGE', plannedMinutes: 180, attendedMinutes: 0, absenceReason: 'UNEXCUSED' },
      ], null, null));
      await expect(write).rejects.toThrow(/uit een afgesloten presentielijst gekomen en wordt niet overschreven/);
    } finally {
      await db.destroy();
    }
    const after = (await pg.query(`SELECT planned_minutes, attended_minutes, source, version FROM hour_entry WHERE placement_id = $1 AND lesson_date = $2 AND category = 'LANGUAGE' AND revision = 0`, [b.placementId, DAY])).rows[0];
    expect(after).toEqual(before);
    // All or nothing: the other cell of the same write is not there either.
    expect(Number((await pg.query(`SELECT count(*) FROM hour_entry WHERE placement_id = $1 AND lesson_date = $2 AND category = 'KNM'`, [b.placementId, DAY])).rows[0].count)).toBe(0);
  });
});

describe('a day without lessons', () => {
  it('names the next day with lessons the user sees: the teacher\'s own, the provider\'s all, another teacher\'s not; none after the last', async () => {
    // A lesson far beyond every other schedule (the demo's and this file's), taught by the first teacher.
    const later = addDays(DAY, 400);
    const { presenceTeachers } = await provider.ok(PresenceTeachersDocument);
    await provider.ok(CreatePresenceGroupDocument, {
      input: {
        name: 'Presentie later', location: 'Arnhem, Velperweg', daypart: 'DAYTIME', teacherUserId: presenceTeachers.find((t) => t.email === 'docent@newbees.demo.nl')!.id,
        placementIds: [group.students[0].placementId], weekdays: [isoWeekday(later)], startTime: '09:00', endTime: '12:00', from: later, until: later,
      },
    });
    const before = addDays(later, -30);
    const nextFor = async (session: GraphqlSession, date: string) => {
      const answer = await session.ok(PresenceLessonsDocument, { date });
      return { lessons: answer.presenceLessons.length, next: answer.presenceNextLessonDate };
    };
    expect(await nextFor(teacher, before)).toEqual({ lessons: 0, next: later });
    expect(await nextFor(provider, before)).toEqual({ lessons: 0, next: later });
    expect(await nextFor(otherTeacher, before)).toEqual({ lessons: 0, next: null });
    expect(await nextFor(teacher, later)).toEqual({ lessons: 1, next: null });
    // An earlier day of the teacher's own schedule: the next day is the first one after it, whatever the other teacher has.
    const { rows: [own] } = await pg.query<{ day: string; next: string }>(
      `SELECT l.lesson_date::text AS day, (SELECT min(n.lesson_date)::text FROM presence_lesson n WHERE n.teacher_user_id = l.teacher_user_id AND n.lesson_date > l.lesson_date) AS next
         FROM presence_lesson l JOIN app_user u ON u.id = l.teacher_user_id AND u.email = 'docent@newbees.demo.nl' WHERE l.lesson_date = $1`, [DAY]);
    expect((await nextFor(teacher, own.day)).next).toBe(own.next);
  });

  it('refuses a day that is no date on the field, also year 0000 (which PostgreSQL does not have)', async () => {
    for (const date of ['0000-01-01', '2026-02-31']) {
      const answer = await teacher.request(PresenceLessonsDocument, { date });
      expect(answer.errors?.[0].extensions?.fields).toEqual([{ field: 'date', message: 'Ongeldige datum: gebruik het formaat JJJJ-MM-DD.' }]);
    }
  });
});
