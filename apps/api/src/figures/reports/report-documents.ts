import { formatDateNl } from '@inburgering/domain';
import { openTaggedPdf } from '../../common';
import type { FigureGroupType, FiguresType } from '../figures.types';

// The quarterly report's two files from one set of figures (the figures API's own answer): an XLSX workbook with one
// sheet per section (real numbers, euros with a currency format, dates as dates) and a tagged, accessible PDF.

/** A cell: a number, a text (a hidden small number shows the API's “< 5”), or a date (yyyy-mm-dd) written as a date. */
export type ReportCell = number | string | { date: string };
export interface ReportColumn { header: string; format?: 'EURO' | 'PERCENT' | 'HOURS' | 'DATE' }
export interface ReportSection { name: string; columns: ReportColumn[]; rows: ReportCell[][] }

export interface ReportMeta {
  title: string;
  quarterLabel: string;
  version: number;
}

const EURO_FORMAT = '"€" #,##0.00';

/** The sections of the report, in the order of the issue: intake, hours, results, KPIs, money. */
export function reportSections(figures: FiguresType, quarter: string): ReportSection[] {
  const groups = [...figures.groups, figures.total];
  const hidden = figures.suppressed ? figures.suppressedLabel : '';
  const n = (value: number | null | undefined): ReportCell => (value === null || value === undefined ? hidden : value);
  const hours = (minutes: number | null | undefined): ReportCell => (minutes === null || minutes === undefined ? hidden : minutes / 60);
  const euros = (cents: number | null | undefined): ReportCell => (cents === null || cents === undefined ? '' : cents / 100);
  const inQuarter = (g: FigureGroupType) => g.quarters.find((q) => q.quarter === quarter);
  const parts = [...new Set(groups.flatMap((g) => g.results.examParts.map((p) => `${p.level} ${p.part}`)))].sort();
  const part = (g: FigureGroupType, key: string) => g.results.examParts.find((p) => `${p.level} ${p.part}` === key);
  return [
    {
      name: 'Instroom',
      columns: [{ header: 'Groep' }, { header: 'Aangemeld' }, { header: 'Geaccepteerd' }, { header: 'Gestart' }, { header: 'Wachtend' }, { header: 'Totaal' },
        { header: 'Mediaan dagen PIP tot start' }, { header: `Gestart in ${quarter}` }],
      rows: groups.map((g) => [g.label, n(g.intake.requested), n(g.intake.accepted), n(g.intake.started), n(g.intake.waiting), n(g.intake.total),
        n(g.intake.medianDaysPipToStart), n(inQuarter(g)?.started ?? 0)]),
    },
    {
      name: 'Uren',
      columns: [{ header: 'Groep' }, { header: 'Gepland (uren)', format: 'HOURS' }, { header: 'Gevolgd (uren)', format: 'HOURS' }, { header: 'Aanwezigheid (%)', format: 'PERCENT' },
        { header: 'Gevolgd per inburgeraar (uren)', format: 'HOURS' }, { header: 'Deel van de urennorm (%)', format: 'PERCENT' },
        { header: 'Deel van de uren volgens het PIP (%)', format: 'PERCENT' }, { header: `Gevolgd in ${quarter} (uren)`, format: 'HOURS' }],
      rows: groups.map((g) => [g.label, hours(g.hours.plannedMinutes), hours(g.hours.attendedMinutes), n(g.hours.attendancePercent), hours(g.hours.attendedMinutesPerClient),
        n(g.hours.routeNormPercent), n(g.hours.pipPercent), hours(inQuarter(g) ? inQuarter(g)!.attendedMinutes : 0)]),
    },
    {
      name: 'Resultaten',
      columns: [{ header: 'Groep' }, { header: 'KNM afgerond' }, { header: 'MAP afgerond' }, { header: 'PVT afgerond' }, { header: 'Z-route eindgesprek' },
        ...parts.flatMap((p) => [{ header: `${p} geslaagd` }, { header: `${p} gezakt` }])],
      rows: groups.map((g) => [g.label, n(g.results.knmCompleted), n(g.results.mapCompleted), n(g.results.pvtCompleted), n(g.results.zCompletions),
        ...parts.flatMap((p) => [n(part(g, p)?.passed ?? 0), n(part(g, p)?.failed ?? 0)])]),
    },
    {
      name: "KPI's",
      columns: [{ header: 'Groep' }, { header: 'KPI' }, { header: 'Doel (%)', format: 'PERCENT' }, { header: 'Cohort' }, { header: 'Behaald' }, { header: 'Behaald (%)', format: 'PERCENT' },
        { header: 'Doel gehaald' }, { header: 'Over wie' }],
      rows: groups.flatMap((g) => g.kpis.map((k) => [g.label, k.label, k.targetPercent, n(k.cohort), n(k.achieved), n(k.percent),
        k.targetMet === null ? '' : k.targetMet ? 'ja' : 'nee', k.cohortDescription])),
    },
    {
      name: 'Geld',
      columns: [{ header: 'Groep' }, { header: 'Gerealiseerd', format: 'EURO' }, { header: 'Verplicht', format: 'EURO' }, { header: 'Plafond', format: 'EURO' },
        { header: 'Plafond gebruikt (%)', format: 'PERCENT' }, { header: 'Prognose einde contract', format: 'EURO' }, { header: 'Prognose boven plafond' }],
      rows: groups.filter((g) => g.spend).map((g) => [g.label, euros(g.spend!.realisedCents), euros(g.spend!.committedCents), euros(g.spend!.ceilingCents),
        n(g.spend!.ceilingUsedPercent), euros(g.spend!.forecastAtEndCents), g.spend!.forecastExceedsCeiling === null ? '' : g.spend!.forecastExceedsCeiling ? 'ja' : 'nee']),
    },
  ];
}

/** The workbook: an opening sheet with what the report covers, then one sheet per section. */
export async function renderReportXlsx(meta: ReportMeta, figures: FiguresType, sections: ReportSection[], generatedOn: string): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const book = new Workbook();
  book.title = meta.title;
  book.creator = 'Inburgering Regio';
  const about = book.addWorksheet('Rapportage');
  about.addRow(['Rapportage', meta.title]);
  about.addRow(['Kwartaal', meta.quarterLabel]);
  about.addRow(['Versie', meta.version]);
  about.addRow(['Cijfers berekend op', asDate(figures.computedOn)]);
  about.addRow(['Gemaakt op', asDate(generatedOn)]);
  about.addRow(['Waarover', figures.scope]);
  about.addRow(['Kleine aantallen', figures.suppressed ? `Cellen met minder dan ${figures.minimumCellSize} inburgeraars tonen “${figures.suppressedLabel}”.` : 'Niet verborgen.']);
  about.getColumn(1).font = { bold: true };
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 60;
  about.getCell('B4').numFmt = 'dd-mm-yyyy';
  about.getCell('B5').numFmt = 'dd-mm-yyyy';
  for (const section of sections) {
    const ws = book.addWorksheet(section.name);
    ws.addRow(section.columns.map((c) => c.header));
    for (const row of section.rows) ws.addRow(row.map((cell) => (typeof cell === 'object' ? asDate(cell.date) : cell)));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    section.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      column.width = i === 0 ? 32 : 16;
      if (c.format === 'EURO') column.numFmt = EURO_FORMAT;
      if (c.format === 'HOURS' || c.format === 'PERCENT') column.numFmt = '0.0';
      if (c.format === 'DATE') column.numFmt = 'dd-mm-yyyy';
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A calendar date as an Excel date (midnight UTC, so the spreadsheet shows the same day everywhere). */
function asDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const MARGIN = 36;
const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const eur = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** The same report as a tagged PDF: title, a paragraph on its scope, a heading and a real table (TH/TD) per section. */
export async function renderReportPdf(meta: ReportMeta, figures: FiguresType, sections: ReportSection[], generatedOn: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, block, table, finish } = await openTaggedPdf({
    layout: 'landscape', margin: MARGIN, compress: options.compress ?? true,
    info: { Title: `${meta.title} ${meta.quarterLabel}`, Subject: 'Kwartaalrapportage contractmanagement' },
  });
  block('H1', () => doc.font('Helvetica-Bold').fontSize(16).text(`${meta.title} ${meta.quarterLabel}`, MARGIN, MARGIN));
  block('P', () => doc.font('Helvetica').fontSize(9).moveDown(0.4).text(
    `Versie ${meta.version}. ${figures.scope}. Cijfers berekend op ${formatDateNl(figures.computedOn)}, gemaakt op ${formatDateNl(generatedOn)}.`
      + (figures.suppressed ? ` Cellen met minder dan ${figures.minimumCellSize} inburgeraars tonen “${figures.suppressedLabel}”.` : ''), MARGIN, doc.y));
  for (const section of sections) {
    block('H2', () => doc.font('Helvetica-Bold').fontSize(12).moveDown(0.8).text(section.name, MARGIN, doc.y));
    if (section.rows.length === 0) {
      block('P', () => doc.font('Helvetica').fontSize(9).text('Geen gegevens.', MARGIN, doc.y));
      continue;
    }
    table(section.columns.map((c) => c.header), section.rows.map((cells) => cells.map((cell, i) => pdfText(cell, section.columns[i]?.format))));
  }
  return finish();
}

function pdfText(cell: ReportCell, format: ReportColumn['format']): string {
  if (typeof cell === 'object') return formatDateNl(cell.date);
  if (typeof cell === 'string') return cell;
  if (format === 'EURO') return eur.format(cell);
  return nl.format(cell);
}
