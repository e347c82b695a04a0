import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsNumber, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CalendarDateScalar, domainEnum } from '../graphql';
import { EVIDENCE_DECISIONS, EVIDENCE_PERIOD_STATUSES, EVIDENCE_STATUSES, QUALITY_PERIODS, QUALITY_REQUIREMENT_TYPES } from '@inburgering/domain';

export const QualityRequirementTypeGql = domainEnum(QUALITY_REQUIREMENT_TYPES);
export type QualityRequirementTypeGql = (typeof QUALITY_REQUIREMENT_TYPES)[number];
registerEnumType(QualityRequirementTypeGql, { name: 'QualityRequirementType', description: 'Soort kwaliteitseis.' });

export const QualityPeriodGql = domainEnum(QUALITY_PERIODS);
export type QualityPeriodGql = (typeof QUALITY_PERIODS)[number];
registerEnumType(QualityPeriodGql, { name: 'QualityPeriod', description: 'Eenmalig, per kwartaal of per jaar.' });

export const EvidenceStatusGql = domainEnum(EVIDENCE_STATUSES);
export type EvidenceStatusGql = (typeof EVIDENCE_STATUSES)[number];
registerEnumType(EvidenceStatusGql, { name: 'EvidenceStatus', description: 'Ingediend, goedgekeurd of afgekeurd.' });

export const EvidencePeriodStatusGql = domainEnum(EVIDENCE_PERIOD_STATUSES);
export type EvidencePeriodStatusGql = (typeof EVIDENCE_PERIOD_STATUSES)[number];
registerEnumType(EvidencePeriodStatusGql, { name: 'EvidencePeriodStatus', description: 'Stand van één periode van een kwaliteitseis.' });

@ObjectType('StoredDocument')
export class StoredDocumentType {
  @Field(() => ID) id!: string;
  @Field() filename!: string;
  @Field({ description: 'Bestandstype, vastgesteld uit de inhoud.' }) mimeType!: string;
  @Field(() => Int) sizeBytes!: number;
}

@ObjectType('QualityEvidence')
export class QualityEvidenceType {
  @Field(() => ID) id!: string;
  @Field(() => ID) requirementId!: string;
  @Field(() => CalendarDateScalar) dueOn!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => StoredDocumentType, { nullable: true }) document!: StoredDocumentType | null;
  @Field() submittedAt!: Date;
  @Field(() => String, { nullable: true }) submittedBy!: string | null;
  @Field(() => EvidenceStatusGql) status!: EvidenceStatusGql;
  @Field(() => Date, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true }) reviewedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Reden van afkeuren.' }) reviewReason!: string | null;
}

@ObjectType('SharedEvidenceTarget', { description: 'Een periode van dezelfde eis op een ander contract van de aanbieder, waarvoor hetzelfde bewijs ook telt.' })
export class SharedEvidenceTargetType {
  @Field(() => ID) requirementId!: string;
  @Field(() => ID) contractId!: string;
  @Field(() => CalendarDateScalar) dueOn!: string;
  @Field() lotName!: string;
  @Field() title!: string;
}

@ObjectType('EvidencePeriod')
export class EvidencePeriodType {
  @Field(() => CalendarDateScalar) dueOn!: string;
  @Field(() => EvidencePeriodStatusGql) status!: EvidencePeriodStatusGql;
  @Field() statusLabel!: string;
  @Field(() => [QualityEvidenceType], { description: 'Ingediend bewijs, nieuwste eerst.' }) evidence!: QualityEvidenceType[];
  @Field(() => [SharedEvidenceTargetType], {
    description: 'Voor een aanbieder: andere contracten met dezelfde eis in dezelfde periode, waarvoor bewijs van deze periode ook kan tellen.',
  }) alsoCountsFor!: SharedEvidenceTargetType[];
}

@ObjectType('QualityRequirement')
export class QualityRequirementType {
  @Field(() => ID) id!: string;
  @Field(() => ID) contractId!: string;
  @Field() lotName!: string;
  @Field() providerName!: string;
  @Field(() => QualityRequirementTypeGql) type!: QualityRequirementTypeGql;
  @Field() typeLabel!: string;
  @Field() title!: string;
  @Field() norm!: string;
  @Field(() => Float, { nullable: true }) normValue!: number | null;
  @Field(() => QualityPeriodGql) period!: QualityPeriodGql;
  @Field() periodLabel!: string;
  @Field(() => CalendarDateScalar) firstDueOn!: string;
  @Field(() => [EvidencePeriodType], { description: 'Alle perioden tot en met vandaag en de eerstvolgende.' }) periods!: EvidencePeriodType[];
  @Field(() => EvidencePeriodType, {
    nullable: true,
    description: 'De periode die een overzicht toont: die het eerst aandacht vraagt (te laat, afgekeurd, binnenkort verwacht …), de vroegste daarbinnen.',
  }) overviewPeriod!: EvidencePeriodType | null;
}

/** Submitted evidence with what it is about, for the projectleider's review queue. */
@ObjectType('EvidenceForReview')
export class EvidenceForReviewType extends QualityEvidenceType {
  @Field(() => ID) contractId!: string;
  @Field() lotName!: string;
  @Field() providerName!: string;
  @Field() requirementTitle!: string;
  @Field() requirementTypeLabel!: string;
  @Field() norm!: string;
}

@ObjectType('EvidenceForReviewPage', { description: 'Eén pagina bewijs om te beoordelen, met het totaal over alle pagina\'s.' })
export class EvidenceForReviewPageType {
  @Field(() => [EvidenceForReviewType]) items!: EvidenceForReviewType[];
  @Field(() => Int) total!: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class AddQualityRequirementInput {
  @Field(() => ID) @IsUUID('all', { message: 'Kies een contract.' }) contractId!: string;
  @Field(() => QualityRequirementTypeGql) @IsIn(Object.values(QualityRequirementTypeGql), { message: 'Kies het soort eis.' }) type!: QualityRequirementTypeGql;
  @Field() @MaxLength(200, { message: 'De titel is te lang (maximaal 200 tekens).' }) title!: string;
  @Field() @MaxLength(500, { message: 'De norm is te lang (maximaal 500 tekens).' }) norm!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber({}, { message: 'Vul de normwaarde in als getal.' }) normValue?: number | null;
  @Field(() => QualityPeriodGql) @IsIn(Object.values(QualityPeriodGql), { message: 'Kies hoe vaak bewijs nodig is.' }) period!: QualityPeriodGql;
  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul een geldige eerste vervaldatum in.' }) firstDueOn!: string;
}

@InputType()
export class SubmitQualityEvidenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende kwaliteitseis.' }) requirementId!: string;
  @Field(() => CalendarDateScalar, { description: 'De vervaldatum van de periode waarvoor het bewijs is.' }) @Matches(DATE, { message: 'Kies een periode.' }) dueOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'De waarde is te lang (maximaal 200 tekens).' }) value?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, { message: 'De toelichting is te lang (maximaal 2000 tekens).' }) comment?: string | null;
  @Field(() => ID, { nullable: true, description: 'Een document dat eerst via POST /documents is geüpload.' })
  @IsOptional() @IsUUID('all', { message: 'Onbekend document.' }) documentId?: string | null;
  @Field({ description: 'Unieke sleutel per indiening, zodat opnieuw versturen niet dubbel indient.' })
  @MinLength(8, { message: 'Ongeldige indieningssleutel.' }) @MaxLength(100, { message: 'Ongeldige indieningssleutel.' }) idempotencyKey!: string;
  @Field(() => [ID], { nullable: true, description: 'Andere eigen kwaliteitseisen (uit alsoCountsFor) waarvoor hetzelfde bewijs ook telt.' })
  @IsOptional() @ArrayMaxSize(50, { message: 'Kies hoogstens 50 andere contracten.' }) @IsUUID('all', { each: true, message: 'Onbekende kwaliteitseis.' })
  alsoFor?: string[] | null;
}

@InputType({ description: 'De kwartaalrapportage van het platform als bewijs voor de eis "Kwartaalrapportage".' })
export class SubmitReportEvidenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende kwaliteitseis.' }) requirementId!: string;
  @Field(() => CalendarDateScalar, { description: 'De vervaldatum van de periode; de rapportage gaat over het kwartaal dat die periode afsluit.' })
  @Matches(DATE, { message: 'Kies een periode.' }) dueOn!: string;
  @Field({ description: 'Unieke sleutel per indiening, zodat opnieuw versturen niet dubbel indient.' })
  @MinLength(8, { message: 'Ongeldige indieningssleutel.' }) @MaxLength(100, { message: 'Ongeldige indieningssleutel.' }) idempotencyKey!: string;
}

export const EvidenceDecisionGql = domainEnum(EVIDENCE_DECISIONS);
export type EvidenceDecisionGql = (typeof EVIDENCE_DECISIONS)[number];
registerEnumType(EvidenceDecisionGql, { name: 'EvidenceDecision', description: 'Goedkeuren of afkeuren.' });

@InputType()
export class ReviewQualityEvidenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekend bewijs.' }) evidenceId!: string;
  @Field(() => EvidenceDecisionGql) @IsIn(Object.values(EvidenceDecisionGql), { message: 'Kies goedkeuren of afkeuren.' }) decision!: EvidenceDecisionGql;
  @Field(() => String, { nullable: true, description: 'Verplicht bij afkeuren.' }) @IsOptional() @MaxLength(1000, { message: 'De reden is te lang (maximaal 1000 tekens).' })
  reason?: string | null;
}

