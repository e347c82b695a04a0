import { Injectable } from '@nestjs/common';
import { quarterLabel, quarterPeriod, type Quarter } from '@inburgering/domain';
import { Clock } from '../../clock';
import type { Actor } from '../../tenancy';
import { FiguresService } from '../figures.service';
import { renderReportPdf, reportSections } from './report-documents';

/**
 * A contract's quarterly report as its provider sees it (issue #10): the same sections and PDF as the region's
 * reports, from the figures API's answer for this actor, so a provider can hand it in as evidence in one step.
 */
@Injectable()
export class ContractReportService {
  constructor(
    private readonly figures: FiguresService,
    private readonly clock: Clock,
  ) {}

  async pdf(actor: Actor, contractId: string, quarter: Quarter, title: string): Promise<{ filename: string; content: Buffer }> {
    const { from, to } = quarterPeriod(quarter);
    const figures = await this.figures.contractFigures(actor, contractId, { periodFrom: from, periodTo: to });
    const label = quarterLabel(quarter);
    const content = await renderReportPdf({ title, quarterLabel: label, version: 1 }, figures, reportSections(figures, label), this.clock.today());
    return { filename: `kwartaalrapportage-${label}.pdf`, content };
  }
}
