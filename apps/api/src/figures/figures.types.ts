import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { CalendarDateScalar } from '../graphql';

export enum FigureGroupingGql { CONTRACT = 'CONTRACT', MUNICIPALITY = 'MUNICIPALITY' }
registerEnumType(FigureGroupingGql, { name: 'FigureGrouping', description: 'Cijfers per contract (aanbieder) of per gemeente.' });

@ObjectType('IntakeFigures', { description: 'Aanmeldingen per stand; null = verborgen (minder dan het minimum aantal inburgeraars).' })
export class IntakeFiguresType {
  @Field(() => Int, { nullable: true }) requested!: number | null;
  @Field(() => Int, { nullable: true }) accepted!: number | null;
  @Field(() => Int, { nullable: true }) started!: number | null;
  @Field(() => Int, { nullable: true }) waiting!: number | null;
  @Field(() => Int, { nullable: true }) total!: number | null;
  @Field(() => Int, { nullable: true, description: 'Mediaan aantal dagen van getekend PIP tot start.' }) medianDaysPipToStart!: number | null;
}

@ObjectType('HourFigures')
export class HourFiguresType {
  @Field(() => Float, { nullable: true }) plannedMinutes!: number | null;
  @Field(() => Float, { nullable: true }) attendedMinutes!: number | null;
  @Field(() => Float, { nullable: true }) attendancePercent!: number | null;
  @Field(() => Int, { nullable: true }) attendedMinutesPerClient!: number | null;
  @Field(() => Float, { nullable: true, description: 'Gevolgde uren per inburgeraar als deel van de urennorm van de route.' }) routeNormPercent!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Gevolgde uren van de plaatsingen waarvan het PIP uren per week noemt, als deel van de uren die die PIP’s in de periode (tot vandaag) plannen: uren per week maal de hele weken dat de plaatsing liep. Null als geen PIP uren per week noemt.',
  }) pipPercent!: number | null;
}

@ObjectType('ExamPartFigure')
export class ExamPartFigureType {
  @Field() level!: string;
  @Field() part!: string;
  @Field(() => Int, { nullable: true }) passed!: number | null;
  @Field(() => Int, { nullable: true }) failed!: number | null;
}

@ObjectType('ResultFigures')
export class ResultFiguresType {
  @Field(() => Int, { nullable: true }) knmCompleted!: number | null;
  @Field(() => Int, { nullable: true }) mapCompleted!: number | null;
  @Field(() => Int, { nullable: true }) pvtCompleted!: number | null;
  @Field(() => Int, { nullable: true }) zCompletions!: number | null;
  @Field(() => [ExamPartFigureType]) examParts!: ExamPartFigureType[];
}

@ObjectType('KpiFigure')
export class KpiFigureType {
  @Field() kpi!: string;
  @Field() label!: string;
  @Field(() => Float) targetPercent!: number;
  @Field({ description: 'Over welke inburgeraars het cijfer gaat.' }) cohortDescription!: string;
  @Field(() => Int, { nullable: true }) cohort!: number | null;
  @Field(() => Int, { nullable: true }) achieved!: number | null;
  @Field(() => Float, { nullable: true }) percent!: number | null;
  @Field(() => Boolean, { nullable: true }) targetMet!: boolean | null;
}

@ObjectType('SpendFigures', { description: 'Bedragen in eurocenten.' })
export class SpendFiguresType {
  @Field(() => Float) realisedCents!: number;
  @Field(() => Float) committedCents!: number;
  @Field(() => Float, { nullable: true }) ceilingCents!: number | null;
  @Field(() => Float, { nullable: true }) ceilingUsedPercent!: number | null;
  @Field(() => Float, { nullable: true }) forecastAtEndCents!: number | null;
  @Field(() => Boolean, { nullable: true }) forecastExceedsCeiling!: boolean | null;
}

@ObjectType('QuarterFigure')
export class QuarterFigureType {
  @Field({ description: 'Kwartaal, bijvoorbeeld 2026-K3.' }) quarter!: string;
  @Field(() => Int, { nullable: true }) started!: number | null;
  @Field(() => Float, { nullable: true }) attendedMinutes!: number | null;
}

@ObjectType('FigureGroup', { description: 'De cijfers van één contract (aanbieder), één gemeente of het totaal.' })
export class FigureGroupType {
  @Field(() => ID, { nullable: true, description: 'Contract- of gemeente-id; leeg voor het totaal.' }) id!: string | null;
  @Field() label!: string;
  @Field(() => IntakeFiguresType) intake!: IntakeFiguresType;
  @Field(() => HourFiguresType) hours!: HourFiguresType;
  @Field(() => ResultFiguresType) results!: ResultFiguresType;
  @Field(() => [KpiFigureType]) kpis!: KpiFigureType[];
  @Field(() => SpendFiguresType, { nullable: true, description: 'Alleen per contract en in het totaal.' }) spend!: SpendFiguresType | null;
  @Field(() => [QuarterFigureType]) quarters!: QuarterFigureType[];
}

@ObjectType('Figures')
export class FiguresType {
  @Field({ description: 'Waarover de cijfers gaan, in één zin.' }) scope!: string;
  @Field(() => FigureGroupingGql) groupedBy!: FigureGroupingGql;
  @Field({ description: 'Kleine aantallen zijn verborgen (de cijfers gaan over de grens van een organisatie).' }) suppressed!: boolean;
  @Field(() => Int) minimumCellSize!: number;
  @Field({ description: 'Wat een verborgen cel toont, bijvoorbeeld "< 5".' }) suppressedLabel!: string;
  @Field(() => CalendarDateScalar) computedOn!: string;
  @Field({ description: 'Wanneer de cijfers berekend zijn (ze worden bij elke vraag uit de gegevens berekend): het "bijgewerkt op".' }) computedAt!: Date;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Eerste dag van de periode waarover de cijfers gaan; leeg: de hele looptijd.' }) periodFrom!: string | null;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Laatste dag van de periode (inbegrepen); leeg: de hele looptijd.' }) periodTo!: string | null;
  @Field(() => FigureGroupType) total!: FigureGroupType;
  @Field(() => [FigureGroupType]) groups!: FigureGroupType[];
}

/**
 * The period of the figures: aanmeldingen requested, lesson days, results and invoice lines in it; the KPIs keep their
 * own cohorts and the ceiling stays the contract's. Both dates or neither (checkFigurePeriod, in the service).
 */
@ArgsType()
export class FigurePeriodArgs {
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Eerste dag van de periode (inbegrepen); leeg: de hele looptijd.' }) @IsOptional() periodFrom?: string | null;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Laatste dag van de periode (inbegrepen).' }) @IsOptional() periodTo?: string | null;
}

@ArgsType()
export class ContractFiguresArgs extends FigurePeriodArgs {
  @Field(() => ID) @IsString() contractId!: string;
}

@ArgsType()
export class LotFiguresArgs extends FigurePeriodArgs {
  @Field(() => ID) @IsString() lotId!: string;
}

@ArgsType()
export class RegionFiguresArgs extends FigurePeriodArgs {
  @Field(() => FigureGroupingGql, { defaultValue: FigureGroupingGql.CONTRACT }) @IsIn(Object.values(FigureGroupingGql), { message: 'Kies per contract of per gemeente.' }) groupBy!: FigureGroupingGql;
  @Field(() => ID, { nullable: true, description: 'Projectleider: alleen deze gemeente.' }) @IsOptional() @IsString() municipalityId?: string | null;
}
