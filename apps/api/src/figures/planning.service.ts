import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { budgetSpend, checkMunicipalityBudget, checkRouteEstimate, compareRouteDemand } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { Clock } from '../clock';
import { ForbiddenAppError, throwIfViolations } from '../common';
import { type Actor, type MunicipalityId, regionScopeOf, tenantScopeOf } from '../tenancy';
import { FiguresRepository } from './figures.repository';
import { PlanningRepository } from './planning.repository';
import type { MunicipalityBudgetType, RouteDemandType, SetMunicipalityBudgetInput, SetRouteEstimateInput } from './planning.types';

/**
 * A municipality's yearly budget with the spend against it (the invoices it pays, as the contract figures count them), and
 * the region's route estimate against the actual demand (DOMAIN §8: Leidschendam-Voorburg, Voorschoten, Wassenaar).
 */
@Injectable()
export class PlanningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** The projectleider: every municipality of the region; a consultant: the own municipality. */
  async budgets(actor: Actor, year: number): Promise<MunicipalityBudgetType[]> {
    const scope = tenantScopeOf(actor);
    const repository = new PlanningRepository(this.db.manager);
    if (scope.kind === 'PROVIDER') throw new ForbiddenAppError();
    const municipalities = scope.kind === 'REGION' ? await repository.regionMunicipalities(scope.regionId) : [await repository.municipality(scope.municipalityId)];
    return this.withSpend(municipalities, year);
  }

  /** Set by the municipality itself or by its region's projectleider; another municipality answers NOT_FOUND. */
  async setBudget(actor: Actor, input: SetMunicipalityBudgetInput): Promise<MunicipalityBudgetType> {
    await this.access.requireOne(actor, 'municipality', input.municipalityId);
    throwIfViolations(checkMunicipalityBudget(input.year, input.amountCents));
    const repository = new PlanningRepository(this.db.manager);
    const municipalityId = input.municipalityId as MunicipalityId;
    await repository.saveBudget(municipalityId, input.year, input.amountCents, actor.userId);
    const [budget] = await this.withSpend([await repository.municipality(municipalityId)], input.year);
    return budget;
  }

  async routeDemand(actor: Actor): Promise<RouteDemandType> {
    const regionId = regionScopeOf(actor);
    const repository = new PlanningRepository(this.db.manager);
    const [estimate, demand] = await Promise.all([repository.estimate(regionId), repository.demandPerRoute(regionId)]);
    const comparison = compareRouteDemand(estimate ?? { b1Percent: 0, zPercent: 0, onderwijsPercent: 0 }, demand);
    return {
      estimate,
      totalClients: comparison.totalClients,
      rows: comparison.rows.map((row) => (estimate ? row : { ...row, estimatedPercent: null, expectedClients: null, differencePoints: null })),
      largestDeviation: estimate ? comparison.largestDeviation : null,
      computedOn: this.clock.today(),
    };
  }

  async setRouteEstimate(actor: Actor, input: SetRouteEstimateInput): Promise<RouteDemandType> {
    const regionId = regionScopeOf(actor);
    const estimate = { b1Percent: input.b1Percent, zPercent: input.zPercent, onderwijsPercent: input.onderwijsPercent };
    throwIfViolations(checkRouteEstimate(estimate));
    await new PlanningRepository(this.db.manager).saveEstimate(regionId, estimate, actor.userId);
    return this.routeDemand(actor);
  }

  private async withSpend(municipalities: { id: MunicipalityId; name: string }[], year: number): Promise<MunicipalityBudgetType[]> {
    const ids = municipalities.map((m) => m.id);
    const [budgets, spend] = await Promise.all([
      new PlanningRepository(this.db.manager).budgets(ids, year),
      new FiguresRepository(this.db.manager).spendByPayingMunicipality(ids, year),
    ]);
    const today = this.clock.today();
    return municipalities.map((m) => {
      const amountCents = budgets.get(m.id) ?? null;
      const paid = spend.get(m.id) ?? { realisedCents: 0, pendingCents: 0 };
      return { municipalityId: m.id, municipalityName: m.name, year, amountCents, spend: budgetSpend(year, amountCents, paid.realisedCents, paid.pendingCents, today) };
    });
  }
}
