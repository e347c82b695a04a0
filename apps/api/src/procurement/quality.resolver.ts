import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import {
  AddQualityRequirementInput, EvidenceForReviewPageType, EvidenceForReviewType, EvidenceStatusGql, QualityRequirementType, ReviewQualityEvidenceInput,
  SubmitQualityEvidenceInput, SubmitReportEvidenceInput,
} from './quality.types';
import { MAX_REVIEW_PAGE, QualityService } from './quality.service';

@Resolver(() => QualityRequirementType)
export class QualityResolver {
  constructor(private readonly qualityService: QualityService) {}

  @Roles('PROJECTLEIDER', 'ADMIN', 'PROVIDER_USER')
  @Query(() => [QualityRequirementType], { description: 'Kwaliteitseisen met wat wanneer verwacht wordt: voor een aanbieder de eigen, voor de regio die op de eigen percelen.' })
  qualityRequirements(
    @CurrentActor() actor: Actor,
    @Args('contractId', { type: () => ID, nullable: true }) contractId: string | null,
  ): Promise<QualityRequirementType[]> {
    return this.qualityService.requirements(actor, contractId);
  }

  @Roles('PROJECTLEIDER', 'ADMIN', 'PROVIDER_USER')
  @Query(() => QualityRequirementType, { description: 'Eén kwaliteitseis met alle perioden en het bewijs per periode; een eis van een andere organisatie geeft hetzelfde antwoord als een onbekende.' })
  qualityRequirement(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<QualityRequirementType> {
    return this.qualityService.requirementWithPeriods(actor, id);
  }

  @Roles('PROJECTLEIDER', 'ADMIN')
  @Query(() => EvidenceForReviewPageType, {
    description: `Eén pagina bewijs van aanbieders in de eigen regio (hoogstens ${MAX_REVIEW_PAGE}); standaard wat op beoordeling wacht, oudste eerst; met het totaal.`,
  })
  qualityReviewPage(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => EvidenceStatusGql, defaultValue: EvidenceStatusGql.SUBMITTED }) status: EvidenceStatusGql,
    @Args('limit', { type: () => Int, defaultValue: 20 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<EvidenceForReviewPageType> {
    return this.qualityService.reviewQueue(actor, status, limit, offset);
  }

  @Roles('PROJECTLEIDER', 'ADMIN')
  @Mutation(() => QualityRequirementType, { description: 'Voeg een kwaliteitseis toe aan een contract in de eigen regio.' })
  addQualityRequirement(@CurrentActor() actor: Actor, @Args('input') input: AddQualityRequirementInput): Promise<QualityRequirementType> {
    return this.qualityService.addRequirement(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => QualityRequirementType, { description: 'Dien bewijs in voor één periode van een eigen kwaliteitseis.' })
  submitQualityEvidence(@CurrentActor() actor: Actor, @Args('input') input: SubmitQualityEvidenceInput): Promise<QualityRequirementType> {
    return this.qualityService.submitEvidence(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => QualityRequirementType, { description: 'Dien de kwartaalrapportage van het platform in als bewijs voor de eis "Kwartaalrapportage" van een eigen contract.' })
  submitReportEvidence(@CurrentActor() actor: Actor, @Args('input') input: SubmitReportEvidenceInput): Promise<QualityRequirementType> {
    return this.qualityService.submitReportEvidence(actor, input);
  }

  @Roles('PROJECTLEIDER', 'ADMIN')
  @Mutation(() => EvidenceForReviewType, { description: 'Keur bewijs goed of af (afkeuren met reden).' })
  reviewQualityEvidence(@CurrentActor() actor: Actor, @Args('input') input: ReviewQualityEvidenceInput): Promise<EvidenceForReviewType> {
    return this.qualityService.reviewEvidence(actor, input);
  }
}
