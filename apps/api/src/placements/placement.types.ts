import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PLACEMENT_END_REASONS, PLACEMENT_KINDS, PLACEMENT_STATUSES, type PlacementEndReason, type PlacementKind, type PlacementStatus } from '@inburgering/domain';
import { LevelGql, RouteGql } from '../clients';
import { CalendarDateScalar, domainEnum } from '../graphql';
import { LotSubjectGql } from '../lots';

export const PlacementStatusGql = domainEnum(PLACEMENT_STATUSES);
export type PlacementStatusGql = PlacementStatus;
registerEnumType(PlacementStatusGql, { name: 'PlacementStatus', description: 'Wachtlijst, aangemeld, geaccepteerd, gestart, beëindigd, afgewezen of ingetrokken.' });

export const PlacementEndReasonGql = domainEnum(PLACEMENT_END_REASONS);
export type PlacementEndReasonGql = PlacementEndReason;
registerEnumType(PlacementEndReasonGql, { name: 'PlacementEndReason', description: 'Afgerond, routewissel, verhuisd, gestopt, termijn verlopen of (instroomklas) route gestart.' });

export const PlacementKindGql = domainEnum(PLACEMENT_KINDS);
export type PlacementKindGql = PlacementKind;
registerEnumType(PlacementKindGql, { name: 'PlacementKind', description: 'Een plaatsing op een route of module, of een periode in de instroomklas tot de route start.' });

@ObjectType('PlacementLot')
export class PlacementLotType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => LotSubjectGql) subject!: LotSubjectGql;
}

@ObjectType('IndividualAgreement', { description: 'Een individuele plaatsing buiten een perceel: de prijs en periode die de gemeente voor deze inburgeraar afsprak.' })
export class IndividualAgreementType {
  @Field(() => Int, { description: 'Afgesproken prijs in eurocent.' }) priceCents!: number;
  @Field(() => CalendarDateScalar) startsOn!: string;
  @Field(() => CalendarDateScalar) endsOn!: string;
}

@ObjectType('PlacementOrganisation', { description: 'Naam van een aanbieder of gemeente bij een plaatsing.' })
export class PlacementOrganisationType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('StartMomentSlot', { description: 'Een instroommoment met de vrije plaatsen.' })
export class StartMomentSlotType {
  @Field(() => ID) id!: string;
  @Field() location!: string;
  @Field(() => CalendarDateScalar) startsOn!: string;
  @Field(() => Int) seats!: number;
  @Field(() => Int, { description: 'Bezet: geaccepteerde en gestarte plaatsingen.' }) taken!: number;
  @Field(() => Int, { description: 'Aanmeldingen waarop de aanbieder nog moet reageren.' }) pendingOffers!: number;
  @Field(() => Int, { description: 'Plaatsen die nog aangeboden kunnen worden.' }) free!: number;
  @Field(() => Int, { description: 'Wachtende aanmeldingen voor dit instroommoment.' }) waiting!: number;
  @Field(() => [Int], { description: 'Lesdagen als ISO-weekdag (1 = maandag).' }) lessonDays!: number[];
  @Field(() => Int) minutesPerWeek!: number;
  @Field({ description: 'DAYTIME, EVENING of ON_THE_JOB.' }) daypart!: string;
}

@ObjectType('PlacementProviderOption', { description: 'Een aanbieder met een lopend contract op het perceel, met de komende instroommomenten.' })
export class PlacementProviderOptionType {
  @Field(() => PlacementOrganisationType) provider!: PlacementOrganisationType;
  @Field(() => [StartMomentSlotType]) startMoments!: StartMomentSlotType[];
  @Field(() => Int, { description: 'Vrije plaatsen over alle komende instroommomenten.' }) freeSeats!: number;
  @Field(() => Int, { description: 'Wachtende aanmeldingen bij deze aanbieder op dit perceel.' }) waiting!: number;
}

@ObjectType('PlacementOption', { description: 'Een perceel waarop de inburgeraar geplaatst kan worden.' })
export class PlacementOptionType {
  @Field(() => PlacementLotType) lot!: PlacementLotType;
  @Field(() => [PlacementProviderOptionType]) providers!: PlacementProviderOptionType[];
}

@ObjectType('PlacementEvent')
export class PlacementEventType {
  @Field(() => ID) id!: string;
  @Field(() => PlacementStatusGql, { nullable: true }) fromStatus!: PlacementStatusGql | null;
  @Field(() => PlacementStatusGql) toStatus!: PlacementStatusGql;
  @Field() occurredAt!: Date;
  @Field(() => String, { nullable: true }) note!: string | null;
}

/** Fields both sides see of a placement. */
@ObjectType({ isAbstract: true })
export abstract class PlacementBase {
  @Field(() => ID) id!: string;
  @Field(() => PlacementStatusGql) status!: PlacementStatusGql;
  @Field(() => PlacementKindGql, { description: 'INSTROOMKLAS: de instroomklas tot de route start; de uren tellen niet mee voor de urennormen van de route.' }) kind!: PlacementKindGql;
  @Field(() => RouteGql, { description: 'De route uit het PIP (bij de instroomklas: de route waarop de inburgeraar wacht).' }) route!: RouteGql;
  @Field() requestedAt!: Date;
  @Field(() => PlacementLotType, { nullable: true, description: 'Leeg bij een individuele plaatsing buiten een perceel.' }) lot!: PlacementLotType | null;
  @Field(() => IndividualAgreementType, { nullable: true, description: 'Alleen bij een individuele plaatsing: de afgesproken prijs en periode.' })
  agreement!: IndividualAgreementType | null;
  @Field(() => PlacementOrganisationType) provider!: PlacementOrganisationType;
  @Field(() => StartMomentSlotType, { nullable: true }) startMoment!: StartMomentSlotType | null;
  @Field(() => CalendarDateScalar, { nullable: true }) startDate!: string | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => String, { nullable: true }) groupName!: string | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field(() => PlacementEndReasonGql, { nullable: true }) endReason!: PlacementEndReasonGql | null;
  @Field(() => CalendarDateScalar, { nullable: true }) endedOn!: string | null;
  @Field(() => Int, { description: 'Versie voor optimistische vergrendeling: geef hem mee bij een wijziging.' }) version!: number;
}

/** A placement as the client's municipality sees it. */
@ObjectType('Placement')
export class PlacementType extends PlacementBase {
  @Field(() => ID) clientId!: string;
  @Field(() => Int, { nullable: true, description: 'Plaats op de wachtlijst (1 = eerste), alleen bij status WAITING.' }) queuePosition!: number | null;
  @Field(() => [PlacementEventType]) events!: PlacementEventType[];
}

/**
 * A client as a provider sees it: only what it needs to teach. Deliberately a separate type without BSN, intake notes,
 * learnability or deadlines, so a provider query cannot ask for them.
 */
@ObjectType('PlacedClient')
export class PlacedClientType {
  @Field(() => Int, { description: 'Klantnummer binnen de gemeente.' }) clientNumber!: number;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field(() => CalendarDateScalar) dateOfBirth!: string;
  @Field(() => RouteGql, { nullable: true }) route!: RouteGql | null;
  @Field(() => LevelGql, { nullable: true }) level!: LevelGql | null;
  @Field(() => Int, { nullable: true, description: 'Lesuren per week volgens het PIP, in minuten.' }) pipMinutesPerWeek!: number | null;
  @Field(() => String, { nullable: true, description: 'Lespatroon volgens het PIP.' }) pipLessonPattern!: string | null;
  @Field(() => PlacementOrganisationType) municipality!: PlacementOrganisationType;
}

/** A placement as the provider sees it (only its own). */
@ObjectType('ProviderPlacement')
export class ProviderPlacementType extends PlacementBase {
  @Field(() => ID, { description: 'Om de voortgang van de inburgeraar te openen (clientProgress); geen persoonsgegeven.' }) clientId!: string;
  @Field(() => PlacedClientType) client!: PlacedClientType;
}

@ObjectType('ProviderPlacementPage', { description: 'Eén pagina plaatsingen van de aanbieder, met het totaal over alle pagina\'s.' })
export class ProviderPlacementPageType {
  @Field(() => [ProviderPlacementType]) items!: ProviderPlacementType[];
  @Field(() => Int, { description: 'Het aantal plaatsingen dat aan het filter voldoet, over alle pagina\'s.' }) total!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Bij een doorklik uit de examencijfers: hoeveel examenpogingen het cijfer telt (een herkansing telt opnieuw); de lijst toont elke inburgeraar een keer. Leeg zonder examencijfer.',
  })
  examAttemptsInFigure?: number | null;
}

@ObjectType('ClientHistoryEntry', { description: 'Een routewissel of verhuizing.' })
export class ClientHistoryEntryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'ROUTE_SWITCH of MOVED.' }) kind!: string;
  @Field(() => String, { nullable: true }) fromValue!: string | null;
  @Field(() => String, { nullable: true }) toValue!: string | null;
  @Field(() => CalendarDateScalar) effectiveOn!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() recordedAt!: Date;
}

@ObjectType('ClientMoved')
export class ClientMovedType {
  @Field(() => PlacementOrganisationType) toMunicipality!: PlacementOrganisationType;
  @Field(() => Int, { description: 'Het nieuwe klantnummer in de nieuwe gemeente.' }) clientNumber!: number;
  @Field(() => CalendarDateScalar) movedOn!: string;
}
