import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkExamResult, checkMapResult, checkPvtResult, checkResultFitsRoute, checkZCompletionResult, compareDates, formatDateNl, integrationTermEnd, integrationTermStart,
  isRoute, PROVIDER_VISIBLE_CLIENT_STATUSES, violation, type Level, type MapTheme, type RuleViolation, type TargetGroup,
} from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { ConflictAppError, throwIfViolations } from '../common';
import { recordDuoCompletion } from '../duo';
import { type Actor, tenantScopeOf } from '../tenancy';
import { toResult, type ResultDetails } from './result-mapping';
import { IntegrationResultType, RecordResultInput, ResultKindGql } from './result.types';
import { ResultsRepository, type ResultClient } from './results.repository';

/** A result belongs to a placement that carried teaching: the statuses in which a provider sees its client. */
const TEACHING_STATUSES: readonly string[] = PROVIDER_VISIBLE_CLIENT_STATUSES;

/** Results of a client, checked against the rules of the law before they are recorded. */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, input: RecordResultInput): Promise<IntegrationResultType> {
    const scope = tenantScopeOf(actor);
    const clientId = await this.access.requireOne(actor, 'client', input.clientId);
    const placement = await this.placementFor(actor, clientId, input.placementId ?? null);
    return this.db.transaction(async (manager) => {
      const repository = new ResultsRepository(manager);
      const client = await repository.client(clientId);
      if (!client) throw this.access.notFound('client');
      const earlier = await repository.resultByIdempotencyKey(input.idempotencyKey);
      if (earlier) {
        const mayReturn = earlier.clientId === client.id && earlier.kind === input.kind && (await this.access.allowed(actor, 'result', [earlier.id])).has(earlier.id);
        if (!mayReturn) throw new ConflictAppError('Deze invoer is al eerder gebruikt voor een ander resultaat. Laad de pagina opnieuw.');
        return toResult((await repository.results([earlier.id]))[0]);
      }
      throwIfViolations(await this.check(repository, client, input));
      const details: ResultDetails = {
        mapThemes: input.mapThemes ?? undefined,
        minutes: input.minutes ?? undefined,
        excursionDone: input.excursionDone ?? undefined,
        milestoneDate: input.milestoneDate ?? undefined,
      };
      const id = await repository.insertResult({
        clientId: client.id,
        placementId: placement?.id ?? null,
        municipalityId: client.municipalityId,
        providerId: placement?.providerId ?? null,
        kind: input.kind,
        examPart: input.examPart ?? null,
        level: input.level ?? null,
        attempt: input.kind === ResultKindGql.EXAM ? input.attempt ?? 1 : input.attempt ?? null,
        passed: input.passed ?? null,
        resultDate: input.resultDate,
        details,
        idempotencyKey: input.idempotencyKey,
        recordedByUserId: actor.userId,
      });
      await logProcessing(manager, actor, 'CREATE', 'client', [client.id], scope.kind === 'PROVIDER' ? PURPOSE.PROVIDER_EXECUTION : PURPOSE.CASELOAD);
      if ((input.kind === ResultKindGql.MAP || input.kind === ResultKindGql.PVT || input.kind === ResultKindGql.Z_COMPLETION) && input.passed !== false) {
        await recordDuoCompletion(manager, { clientId: client.id, kind: input.kind, date: input.milestoneDate ?? input.resultDate, blame: null, today: this.clock.today() }, actor);
      }
      return toResult((await repository.results([id]))[0]);
    });
  }

  /**
   * The placement the actor records through: a provider always one of its own accepted placements of the client (the
   * one named, or its latest); a consultant the one named, or none. Foreign, unknown or another client's: NOT_FOUND.
   */
  private async placementFor(actor: Actor, clientId: string, placementId: string | null): Promise<{ id: string; providerId: string } | null> {
    const repository = new ResultsRepository(this.db.manager);
    if (placementId !== null) {
      await this.access.requireOne(actor, 'placement', placementId);
      const placement = await repository.placement(placementId);
      if (!placement || placement.clientId !== clientId || !TEACHING_STATUSES.includes(placement.status)) throw this.access.notFound('placement');
      return placement;
    }
    if (tenantScopeOf(actor).kind !== 'PROVIDER') return null;
    const candidates = await repository.teachingPlacements(clientId);
    const own = await this.access.allowed(actor, 'placement', candidates.map((p) => p.id));
    // A result belongs to the route (or a module), not to the instroomklas before it.
    const [latest] = candidates.filter((p) => own.has(p.id) && p.kind === 'REGULAR').sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
    if (!latest) throw this.access.notFound('client');
    return latest;
  }

  private async check(repository: ResultsRepository, client: ResultClient, input: RecordResultInput): Promise<RuleViolation[]> {
    const today = this.clock.today();
    const violations: RuleViolation[] = [];
    if (compareDates(input.resultDate, today) > 0) {
      violations.push(violation('resultDate', 'RESULT_DATE_IN_FUTURE', `De datum van het resultaat (${formatDateNl(input.resultDate)}) ligt in de toekomst.`));
    }
    const route = isRoute(client.route) ? client.route : null;
    if (!route) return [...violations, violation('clientId', 'CLIENT_WITHOUT_ROUTE', 'Deze inburgeraar heeft nog geen route in het PIP; leg eerst het PIP vast.')];
    violations.push(...checkResultFitsRoute(input.kind, route));
    if (violations.some((v) => v.field === 'kind')) return violations;
    const targetGroup = client.targetGroup as TargetGroup;
    const termStart = integrationTermStart(targetGroup, client.pipSignedOn, client.brpRegistrationDate);
    const term = termStart ? { termStart, termEnd: integrationTermEnd(termStart), today } : null;
    // The thresholds of the law count every hour the client attended, with whichever provider.
    const totals = await repository.clientHourTotals(client.id);
    switch (input.kind) {
      case ResultKindGql.EXAM:
        violations.push(...checkExamResult({ route, part: input.examPart, level: input.level as Level | null | undefined, attempt: input.attempt ?? 1, languageMinutes: totals.languageMinutes }));
        break;
      case ResultKindGql.MAP:
        if (term) violations.push(...checkMapResult({ ...term, themesCovered: (input.mapThemes ?? []) as MapTheme[], practicalActivityMinutes: input.minutes ?? 0, eindgesprekOn: input.milestoneDate }));
        break;
      case ResultKindGql.PVT:
        if (term) violations.push(...checkPvtResult({ ...term, minutes: input.minutes ?? 0, excursionDone: input.excursionDone ?? false, signedOn: input.milestoneDate }));
        break;
      case ResultKindGql.Z_COMPLETION:
        violations.push(...checkZCompletionResult({ route, targetGroup, courseMinutes: totals.courseMinutes, participationMinutes: totals.participationMinutes }));
        break;
      default:
        if (input.passed === null || input.passed === undefined) violations.push(violation('passed', 'RESULT_PASSED_REQUIRED', 'Geef aan of het resultaat is behaald.'));
    }
    if ((input.kind === ResultKindGql.MAP || input.kind === ResultKindGql.PVT) && !term) {
      violations.push(violation('clientId', 'TERM_NOT_STARTED', 'De inburgeringstermijn van deze inburgeraar is nog niet begonnen; leg eerst het PIP vast.'));
    }
    return violations;
  }
}
