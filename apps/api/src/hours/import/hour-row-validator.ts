import {
  checkHourRegistration, checkPeriodOpenForEntry, compareDates, parseDutchDate, parseDutchHours, periodMonthOf,
  type AbsenceReason, type CalendarDate, type HourCategory, type HourPeriodStatus,
} from '@inburgering/domain';
import { routeOf, type HourPlacement } from '../hour-entries';
import { periodKey, type PeriodPair } from '../period-status-lookup';

export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export interface ImportRow {
  row: number;
  placementId: string;
  date: CalendarDate;
  category: HourCategory;
  plannedMinutes: number;
  attendedMinutes: number;
  absenceReason: AbsenceReason | null;
}

/** The columns of the template, in order, with the header names that are also accepted. */
export const IMPORT_COLUMNS = [
  { key: 'gemeente', aliases: ['gemeente', 'cbs-code', 'cbscode'] },
  { key: 'klantnummer', aliases: ['klantnummer', 'klant'] },
  { key: 'achternaam', aliases: ['achternaam', 'naam', 'inburgeraar'] },
  { key: 'datum', aliases: ['datum', 'lesdatum'] },
  { key: 'categorie', aliases: ['categorie', 'soort'] },
  { key: 'gepland', aliases: ['gepland', 'geplande uren'] },
  { key: 'aanwezig', aliases: ['aanwezig', 'aanwezige uren'] },
  { key: 'reden', aliases: ['reden', 'reden afwezigheid'] },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

const CATEGORY_WORDS: Record<string, HourCategory> = {
  taal: 'LANGUAGE', taalles: 'LANGUAGE', nt2: 'LANGUAGE', language: 'LANGUAGE',
  knm: 'KNM', map: 'MAP', pvt: 'PVT',
  participatie: 'PARTICIPATION', participation: 'PARTICIPATION',
  alfabetisering: 'LITERACY', alfa: 'LITERACY', literacy: 'LITERACY',
  'overige vakken': 'OTHER_SUBJECTS', overig: 'OTHER_SUBJECTS', other_subjects: 'OTHER_SUBJECTS',
};
const REASON_WORDS: Record<string, AbsenceReason> = {
  ziek: 'SICK', sick: 'SICK', geoorloofd: 'EXCUSED', excused: 'EXCUSED', ongeoorloofd: 'UNEXCUSED', unexcused: 'UNEXCUSED',
};
const FIELD_COLUMN: Record<string, ImportColumn> = { plannedMinutes: 'gepland', attendedMinutes: 'aanwezig', absenceReason: 'reden', date: 'datum', category: 'categorie' };

/** A placement the import may write to, with the names a row may use for its client (see `nameKey`). */
export type ImportPlacement = HourPlacement & { clientNameKeys: string[] };

/** Letters only, lower case, without accents: "Al-Khatib, Noor" and "al khatib noor" give the same key. */
export function nameKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** The names a row may give for a client: the last name, "voornaam achternaam" or "achternaam, voornaam". */
export function clientNameKeys(firstName: string, lastName: string): string[] {
  return [nameKey(lastName), nameKey(`${firstName} ${lastName}`), nameKey(`${lastName} ${firstName}`)];
}

export interface ValidationContext {
  /** Lower-case CBS code and name → municipality id. */
  municipalities: Map<string, string>;
  /** clientKey → the provider's placements of that client (those the file names, at least). */
  placements: Map<string, ImportPlacement[]>;
  /** Non-open periods of the provider (periodKey → status), at least of the months the file writes to. */
  periods: Map<string, HourPeriodStatus>;
  today: CalendarDate;
}

/** Which column index holds which field; missing required columns are errors on row 1. */
export function mapHeader(header: string[]): { columns: Map<ImportColumn, number>; errors: ImportError[] } {
  const columns = new Map<ImportColumn, number>();
  for (const column of IMPORT_COLUMNS) {
    const index = header.findIndex((h) => (column.aliases as readonly string[]).includes(h));
    if (index >= 0) columns.set(column.key, index);
  }
  const errors = IMPORT_COLUMNS.filter((c) => c.key !== 'reden' && c.key !== 'achternaam' && !columns.has(c.key))
    .map((c) => ({ row: 1, column: c.key, message: `De kolom "${c.key}" ontbreekt; gebruik de kolommen van het sjabloon.` }));
  return { columns, errors };
}

/** A client a file names: the municipality (from its CBS code or name) and the client number there. */
export interface FileClient {
  municipalityId: string;
  clientNumber: number;
}

/** The key of ValidationContext.placements. */
export const clientKey = (municipalityId: string, clientNumber: number): string => `${municipalityId}|${clientNumber}`;

const CLIENT_NUMBER = /^\d{1,9}$/;

/**
 * What the rows refer to, read as validateRows reads them: the clients (to load their placements) and the months per
 * municipality they write to (to lock those before the rows are checked). A row validateRows refuses may add its own;
 * its file is then not written.
 */
export function fileReferences(rows: readonly string[][], columns: Map<ImportColumn, number>, municipalities: Map<string, string>): { clients: FileClient[]; periods: PeriodPair[] } {
  const at = (column: ImportColumn): number => columns.get(column) ?? -1;
  const [municipalityColumn, clientColumn, dateColumn] = [at('gemeente'), at('klantnummer'), at('datum')];
  // Per municipality its client numbers and months; each distinct cell text is looked up once (thousands of rows, few values).
  const found = new Map<string, { clientNumbers: Set<number>; months: Set<string> }>();
  const municipalityOf = new Map<string, string | null>();
  const monthOf = new Map<string, string | null>();
  for (const cells of rows) {
    const municipalityText = cells[municipalityColumn] ?? '';
    let municipalityId = municipalityOf.get(municipalityText);
    if (municipalityId === undefined) municipalityOf.set(municipalityText, municipalityId = municipalities.get(municipalityText.trim().toLowerCase()) ?? null);
    if (!municipalityId) continue;
    let refs = found.get(municipalityId);
    if (!refs) found.set(municipalityId, refs = { clientNumbers: new Set(), months: new Set() });
    const clientText = (cells[clientColumn] ?? '').trim();
    if (CLIENT_NUMBER.test(clientText)) refs.clientNumbers.add(Number(clientText));
    const dateText = cells[dateColumn] ?? '';
    let month = monthOf.get(dateText);
    if (month === undefined) {
      const date = parseDutchDate(dateText);
      monthOf.set(dateText, month = date ? periodMonthOf(date) : null);
    }
    if (month) refs.months.add(month);
  }
  const references = [...found];
  return {
    clients: references.flatMap(([municipalityId, { clientNumbers }]) => [...clientNumbers].map((clientNumber) => ({ municipalityId, clientNumber }))),
    periods: references.flatMap(([municipalityId, { months }]) => [...months].map((month) => ({ municipalityId, month }))),
  };
}

/**
 * Validates rows by hand (fast enough for thousands of rows): every error with its row and column, in Dutch.
 * `seen` spans the whole file so a day twice in one file is an error.
 */
export function validateRows(
  rows: string[][], firstRowNumber: number, columns: Map<ImportColumn, number>, context: ValidationContext, seen: Map<string, number>,
): { valid: ImportRow[]; errors: ImportError[] } {
  const valid: ImportRow[] = [];
  const errors: ImportError[] = [];
  // Each column's index once per chunk, each cell read and trimmed once per row (thousands of rows per file).
  const at = (column: ImportColumn): number => columns.get(column) ?? -1;
  const index = { gemeente: at('gemeente'), klantnummer: at('klantnummer'), achternaam: at('achternaam'), datum: at('datum'), categorie: at('categorie'), gepland: at('gepland'), aanwezig: at('aanwezig'), reden: at('reden') };
  const named = columns.has('achternaam');
  rows.forEach((cells, rowIndex) => {
    const row = firstRowNumber + rowIndex;
    if (cells.every((cell) => cell.trim() === '')) return;
    const value = (column: ImportColumn): string => (cells[index[column]] ?? '').trim();
    const municipalityText = value('gemeente');
    const clientNumberText = value('klantnummer');
    const dateText = value('datum');
    const categoryText = value('categorie');
    const plannedText = value('gepland');
    const attendedText = value('aanwezig');
    const reasonCell = value('reden');
    const lastName = named ? value('achternaam') : '';
    const rowErrors: ImportError[] = [];
    const fail = (column: ImportColumn, message: string): void => { rowErrors.push({ row, column, message }); };

    const municipalityId = context.municipalities.get(municipalityText.toLowerCase());
    if (!municipalityId) fail('gemeente', `Onbekende gemeente "${municipalityText}"; vul de CBS-code (bijvoorbeeld GM0202) of de naam in.`);
    const clientNumber = CLIENT_NUMBER.test(clientNumberText) ? Number(clientNumberText) : null;
    if (clientNumber === null) fail('klantnummer', `"${clientNumberText}" is geen klantnummer; vul het nummer van de inburgeraar bij de gemeente in.`);
    const date = parseDutchDate(dateText);
    if (!date) fail('datum', `"${dateText}" is geen geldige datum; gebruik dag-maand-jaar, bijvoorbeeld 31-01-2026.`);
    const category = CATEGORY_WORDS[categoryText.toLowerCase()] ?? null;
    if (!category) fail('categorie', `Onbekende categorie "${categoryText}"; kies taal, KNM, MAP, PVT, participatie, alfabetisering of overige vakken.`);
    const planned = plannedText === '' ? 0 : parseDutchHours(plannedText);
    if (planned === null) fail('gepland', `"${plannedText}" is geen aantal uren; gebruik een komma voor decimalen, bijvoorbeeld 1,5.`);
    const attended = attendedText === '' ? 0 : parseDutchHours(attendedText);
    if (attended === null) fail('aanwezig', `"${attendedText}" is geen aantal uren; gebruik een komma voor decimalen, bijvoorbeeld 1,5.`);
    const reasonText = reasonCell.toLowerCase();
    const reason = reasonText === '' ? null : REASON_WORDS[reasonText] ?? null;
    if (reasonText !== '' && !reason) fail('reden', `Onbekende reden "${reasonCell}"; kies ziek, geoorloofd of ongeoorloofd, of laat leeg.`);

    // With a name column every row names its client, so a wrong or mistyped number never puts hours on someone else.
    if (named && lastName === '') fail('achternaam', 'Vul de achternaam van de inburgeraar in, zodat vaststaat over wie deze rij gaat.');
    let placement: ImportPlacement | undefined;
    if (municipalityId && clientNumber !== null && date) {
      const candidates = context.placements.get(clientKey(municipalityId, clientNumber)) ?? [];
      placement = candidates.find((p) => (!p.startDate || compareDates(p.startDate, date) <= 0) && (!p.endedOn || compareDates(date, p.endedOn) <= 0)) ?? candidates[0];
      if (!placement) fail('klantnummer', `Klantnummer ${clientNumber} van deze gemeente is niet bij u geplaatst.`);
      else if (named && lastName !== '' && !placement.clientNameKeys.includes(nameKey(lastName))) {
        fail('achternaam', `Klantnummer ${clientNumber} van deze gemeente hoort niet bij "${lastName}"; controleer het klantnummer en de naam.`);
        placement = undefined;
      }
    }
    if (placement && date && category && planned !== null && attended !== null && rowErrors.length === 0) {
      const key = `${placement.id}|${date}|${category}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) fail('datum', `Deze dag en categorie staan al in rij ${earlier}; neem elke dag per categorie één keer op.`);
      else seen.set(key, row);
      const status = context.periods.get(periodKey(placement.municipalityId, periodMonthOf(date))) ?? 'OPEN';
      const violations = [
        ...checkPeriodOpenForEntry(status, periodMonthOf(date)),
        ...checkHourRegistration({
          date, category, route: routeOf(placement), plannedMinutes: planned, attendedMinutes: attended, absenceReason: reason,
          today: context.today, placementStart: placement.startDate, placementEnd: placement.endedOn,
        }),
      ];
      for (const v of violations) fail(FIELD_COLUMN[v.field] ?? 'datum', v.message);
      if (rowErrors.length === 0) valid.push({ row, placementId: placement.id, date, category, plannedMinutes: planned, attendedMinutes: attended, absenceReason: reason });
    }
    errors.push(...rowErrors);
  });
  return { valid, errors };
}
