import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches } from 'class-validator';
import { MAP_PART_CHOICE_STATUSES, MAP_THEMES } from '@inburgering/domain';
import { DeadlineStatusGql } from '../clients';
import { CalendarDateScalar, domainEnum } from '../graphql';

export const MapThemeGql = domainEnum(MAP_THEMES);
export type MapThemeGql = (typeof MAP_THEMES)[number];
registerEnumType(MapThemeGql, { name: 'MapTheme', description: 'Een van de 8 thema\'s van de MAP (Besluit inburgering 2021).' });

export const MapPartChoiceStatusGql = domainEnum(MAP_PART_CHOICE_STATUSES);
export type MapPartChoiceStatusGql = (typeof MAP_PART_CHOICE_STATUSES)[number];
registerEnumType(MapPartChoiceStatusGql, { name: 'MapPartChoiceStatus', description: 'Gekozen of afgerond.' });

@ObjectType('MapPart', { description: 'Een MAP-onderdeel uit de catalogus van de regio (cafetariamodel), aangeboden door een aanbieder zoals het WSP.' })
export class MapPartType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'De aanbiedende partij.' }) providerId!: string;
  @Field() providerName!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => Int, { description: 'Duur in minuten.' }) minutes!: number;
  @Field(() => Int, { description: 'Prijs in eurocenten.' }) priceCents!: number;
  @Field(() => [MapThemeGql]) themes!: MapThemeGql[];
  @Field({ description: 'Een praktijkactiviteit op de arbeidsmarkt (telt voor de MAP vanaf 40 uur).' }) practical!: boolean;
  @Field({ description: 'Wordt nog aangeboden.' }) active!: boolean;
}

@ObjectType('MapPartChoice', { description: 'Een MAP-onderdeel dat een inburgeraar koos.' })
export class MapPartChoiceType {
  @Field(() => ID) id!: string;
  @Field(() => ID) mapPartId!: string;
  @Field() partName!: string;
  @Field() providerName!: string;
  @Field(() => Int) minutes!: number;
  @Field(() => [MapThemeGql]) themes!: MapThemeGql[];
  @Field() practical!: boolean;
  @Field(() => MapPartChoiceStatusGql) status!: MapPartChoiceStatusGql;
  @Field(() => CalendarDateScalar) chosenOn!: string;
  @Field(() => CalendarDateScalar, { nullable: true }) completedOn!: string | null;
}

@ObjectType('MapCafeteriaProgress', { description: 'Voortgang van de gekozen MAP-onderdelen naar de MAP.' })
export class MapCafeteriaProgressType {
  @Field(() => Int) partsChosen!: number;
  @Field(() => Int) partsCompleted!: number;
  @Field(() => Int) minutesChosen!: number;
  @Field(() => Int) minutesCompleted!: number;
  @Field(() => [MapThemeGql]) themesCovered!: MapThemeGql[];
  @Field(() => [MapThemeGql]) themesMissing!: MapThemeGql[];
  @Field() practicalActivityDone!: boolean;
  @Field({ description: 'De gekozen onderdelen vullen de MAP (het eindgesprek met de gemeente volgt).' }) complete!: boolean;
  @Field(() => CalendarDateScalar, { nullable: true }) completedOn!: string | null;
  @Field(() => [String], { description: 'Wat nog ontbreekt, in het Nederlands.' }) missing!: string[];
}

@ObjectType('ClientMapParts', { description: 'De MAP-onderdelen van één inburgeraar: de catalogus, wat gekozen is, de voortgang en de termijn van de MAP.' })
export class ClientMapPartsType {
  @Field(() => ID) clientId!: string;
  @Field({ description: 'Of de inburgeraar een MAP volgt (een PIP, niet in de Onderwijsroute).' }) mapApplies!: boolean;
  @Field(() => [MapPartType], { description: 'Wat de catalogus van de regio nu aanbiedt.' }) catalogue!: MapPartType[];
  @Field(() => [MapPartChoiceType]) choices!: MapPartChoiceType[];
  @Field(() => MapCafeteriaProgressType) progress!: MapCafeteriaProgressType;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Laatste dag voor de MAP: binnen 18 maanden na de start van de termijn.' }) mapDueOn!: string | null;
  @Field(() => DeadlineStatusGql, { nullable: true }) mapDueStatus!: DeadlineStatusGql | null;
}

@ObjectType('MapPartParticipant', { description: 'Een inburgeraar die een MAP-onderdeel van de aanbieder koos: klantnummer en naam, nooit een BSN of intake.' })
export class MapPartParticipantType {
  @Field(() => ID, { description: 'Het gekozen onderdeel.' }) id!: string;
  @Field(() => Int) clientNumber!: number;
  @Field() clientName!: string;
  @Field() municipalityName!: string;
  @Field(() => ID) mapPartId!: string;
  @Field() partName!: string;
  @Field(() => Int) minutes!: number;
  @Field(() => MapPartChoiceStatusGql) status!: MapPartChoiceStatusGql;
  @Field(() => CalendarDateScalar) chosenOn!: string;
  @Field(() => CalendarDateScalar, { nullable: true }) completedOn!: string | null;
}

@ObjectType('MapPartParticipantPage')
export class MapPartParticipantPageType {
  @Field(() => [MapPartParticipantType]) items!: MapPartParticipantType[];
  @Field(() => Int, { description: 'Aantal over alle pagina\'s.' }) total!: number;
}

@InputType()
export class SaveMapPartInput {
  @Field(() => ID, { nullable: true, description: 'Leeg voor een nieuw onderdeel.' }) @IsOptional() @IsString() id?: string | null;
  @Field(() => ID, { nullable: true, description: 'De aanbiedende partij; een aanbieder laat dit leeg (dat is hij zelf).' }) @IsOptional() @IsString() providerId?: string | null;
  // Lengths and ranges are the domain rule's (checkMapPart), so a form gets every problem in one answer.
  @Field() @IsString() name!: string;
  @Field() @IsString() description!: string;
  @Field(() => Int, { description: 'Duur in minuten.' }) @IsInt({ message: 'Vul de duur in uren in.' }) minutes!: number;
  @Field(() => Int, { description: 'Prijs in eurocenten.' }) @IsInt({ message: 'Vul de prijs in euro\'s in.' }) priceCents!: number;
  @Field(() => [MapThemeGql]) @ArrayMaxSize(8, { message: 'Kies hoogstens acht thema\'s.' }) @IsIn([...MAP_THEMES], { each: true, message: 'Onbekend MAP-thema.' }) themes!: MapThemeGql[];
  @Field() @IsBoolean() practical!: boolean;
  @Field({ defaultValue: true }) @IsBoolean() active!: boolean;
}

@InputType()
export class ChooseMapPartsInput {
  /** Not validated as a UUID here: the AccessService answers NOT_FOUND for unknown, foreign and malformed ids alike. */
  @Field(() => ID) @IsString() clientId!: string;
  @Field(() => [ID]) @ArrayMaxSize(50, { message: 'Kies hoogstens 50 onderdelen tegelijk.' }) @IsString({ each: true }) mapPartIds!: string[];
  @Field({ description: 'Eén sleutel per keuze: opnieuw versturen legt de onderdelen niet twee keer vast.' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'Ongeldige idempotentiesleutel.' }) idempotencyKey!: string;
}

@InputType()
export class CompleteMapPartChoiceInput {
  @Field(() => ID) @IsString() choiceId!: string;
  @Field(() => CalendarDateScalar, { description: 'De dag waarop de inburgeraar het onderdeel afrondde.' }) @IsString() completedOn!: string;
}
