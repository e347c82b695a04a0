import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ESTIMATE_ROUTES, MAX_BUDGET_CENTS } from '@inburgering/domain';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { CalendarDateScalar, domainEnum } from '../graphql';
import { SpendFiguresType } from './figures.types';

export const EstimateRouteGql = domainEnum(ESTIMATE_ROUTES);
export type EstimateRouteGql = (typeof ESTIMATE_ROUTES)[number];
registerEnumType(EstimateRouteGql, { name: 'EstimateRoute', description: 'Leerroute in de routeschatting van de regio: B1, Z of Onderwijsroute.' });

@ObjectType('MunicipalityBudget')
export class MunicipalityBudgetType {
  @Field(() => ID) municipalityId!: string;
  @Field() municipalityName!: string;
  @Field(() => Int) year!: number;
  @Field(() => Float, { nullable: true, description: 'Het budget van dat jaar in centen; null zolang het niet is vastgesteld.' }) amountCents!: number | null;
  @Field(() => SpendFiguresType, { description: 'Uitgaven van de gemeente dat jaar (facturen die zij betaalt) tegen het budget, met een lineaire prognose tot 31 december.' })
  spend!: SpendFiguresType;
}

@ArgsType()
export class MunicipalityBudgetsArgs {
  @Field(() => Int) @IsInt({ message: 'Kies een jaar.' }) @Min(2021, { message: 'Kies een jaar vanaf 2021.' }) @Max(2100, { message: 'Kies een jaar tot en met 2100.' }) year!: number;
}

@InputType()
export class SetMunicipalityBudgetInput {
  /** Not validated as a UUID here: the AccessService answers NOT_FOUND for unknown, foreign and malformed ids alike. */
  @Field(() => ID) @IsString() municipalityId!: string;
  @Field(() => Int) @IsInt({ message: 'Kies een jaar.' }) @Min(2021, { message: 'Kies een jaar vanaf 2021 (de Wet inburgering 2021).' }) @Max(2100, { message: 'Kies een jaar tot en met 2100.' })
  year!: number;
  @Field(() => Float, { description: 'Het budget in centen.' })
  @IsInt({ message: 'Vul het bedrag in hele centen in.' }) @Min(0, { message: 'Het budget kan niet negatief zijn.' }) @Max(MAX_BUDGET_CENTS, { message: 'Het budget is te groot (maximaal 1 miljard euro).' })
  amountCents!: number;
}

@ObjectType('RouteEstimate')
export class RouteEstimateType {
  @Field(() => Int) b1Percent!: number;
  @Field(() => Int) zPercent!: number;
  @Field(() => Int) onderwijsPercent!: number;
}

const percent = (route: string) => [
  IsInt({ message: `Vul voor de ${route} een heel percentage in.` }),
  Min(0, { message: `Het percentage voor de ${route} kan niet negatief zijn.` }),
  Max(100, { message: `Het percentage voor de ${route} is hoogstens 100.` }),
];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

@InputType()
export class SetRouteEstimateInput {
  @Field(() => Int) @apply(percent('B1-route')) b1Percent!: number;
  @Field(() => Int) @apply(percent('Z-route')) zPercent!: number;
  @Field(() => Int) @apply(percent('Onderwijsroute')) onderwijsPercent!: number;
}

@ObjectType('RouteDemandRow')
export class RouteDemandRowType {
  @Field(() => EstimateRouteGql) route!: EstimateRouteGql;
  @Field(() => Int, { nullable: true, description: 'Geschat aandeel in procenten; null zonder schatting.' }) estimatedPercent!: number | null;
  @Field(() => Int, { nullable: true, description: 'De schatting toegepast op het werkelijke aantal inburgeraars.' }) expectedClients!: number | null;
  @Field(() => Int, { description: 'Inburgeraars van de regio met deze route in hun PIP.' }) actualClients!: number;
  @Field(() => Float, { nullable: true }) actualPercent!: number | null;
  @Field(() => Float, { nullable: true, description: 'Werkelijk min geschat aandeel, in procentpunten.' }) differencePoints!: number | null;
}

@ObjectType('RouteDemand')
export class RouteDemandType {
  @Field(() => RouteEstimateType, { nullable: true, description: 'De routeschatting van de regio; null zolang die niet is ingesteld.' }) estimate!: RouteEstimateType | null;
  @Field(() => Int) totalClients!: number;
  @Field(() => [RouteDemandRowType]) rows!: RouteDemandRowType[];
  @Field(() => EstimateRouteGql, { nullable: true, description: 'De route die het meest van de schatting afwijkt.' }) largestDeviation!: EstimateRouteGql | null;
  @Field(() => CalendarDateScalar) computedOn!: string;
}
