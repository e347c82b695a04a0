import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { RoleGql } from '../auth';
import { CBS_MUNICIPALITY_CODE, KVK_NUMBER_PATTERN, MIN_PASSWORD_LENGTH, OIN_PATTERN, PROVIDER_KINDS, USER_ROLES } from '@inburgering/domain';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsFilledText, IsSingleLineText } from '../common';
import { CalendarDateScalar } from '../graphql';
import { OrganisationKindGql } from '../organisations';

export const ManagedRoleGql = RoleGql;
export type ManagedRoleGql = RoleGql;

const ProviderKindValues = [...PROVIDER_KINDS] as string[];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('AdminMunicipality')
export class AdminMunicipalityType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'CBS-gemeentecode, bijvoorbeeld GM0202.' }) cbsCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Organisatie-identificatienummer (20 cijfers).' }) oin!: string | null;
  @Field(() => ID, { nullable: true }) subRegionId!: string | null;
  @Field(() => String, { nullable: true }) subRegionName!: string | null;
}

@ObjectType('AdminSubRegion')
export class AdminSubRegionType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [String], { description: 'De gemeenten in de subregio, op naam.' }) municipalityNames!: string[];
  @Field(() => [String], { description: 'De percelen die de subregio gebruiken; zolang er één is, kan zij niet weg.' }) usedByLots!: string[];
}

@ObjectType('AdminProvider')
export class AdminProviderType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) kvkNumber!: string | null;
  @Field(() => String, { nullable: true }) providerKind!: string | null;
  @Field(() => String, { nullable: true }) keurmerkNumber!: string | null;
  @Field(() => CalendarDateScalar, { nullable: true }) keurmerkValidUntil!: string | null;
}

@ObjectType('AdministrationOverview')
export class AdministrationOverviewType {
  @Field(() => ID) regionId!: string;
  @Field() regionName!: string;
  @Field(() => [AdminMunicipalityType]) municipalities!: AdminMunicipalityType[];
  @Field(() => [AdminSubRegionType]) subRegions!: AdminSubRegionType[];
  @Field(() => [AdminProviderType], { description: 'De aanbieders die de regio beheert (gecontracteerd of zelf geregistreerd).' }) providers!: AdminProviderType[];
}

@ObjectType('ManagedOrganisation')
export class ManagedOrganisationType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindGql) kind!: OrganisationKindGql;
  @Field(() => [ManagedRoleGql], { description: 'De rollen die u in deze organisatie mag toekennen.' }) assignableRoles!: ManagedRoleGql[];
}

@ObjectType('ManagedUser')
export class ManagedUserType {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => ManagedRoleGql) role!: ManagedRoleGql;
  @Field(() => ID) organisationId!: string;
  @Field() organisationName!: string;
  @Field() active!: boolean;
  @Field({ description: 'Beheert de gebruikers van de eigen organisatie (beheerder van een aanbieder).' }) managesOwnUsers!: boolean;
}

@ObjectType('ManagedUserPage')
export class ManagedUserPageType {
  @Field(() => [ManagedUserType]) items!: ManagedUserType[];
  @Field(() => Int) total!: number;
  @Field(() => [ManagedOrganisationType], { description: 'De organisaties waarvan u de gebruikers beheert.' }) organisations!: ManagedOrganisationType[];
}

@ObjectType('SentInvitation')
export class SentInvitationType {
  @Field(() => ID) id!: string;
  @Field() recipient!: string;
  @Field() subject!: string;
  @Field({ description: 'De tekst van het bericht (er is geen mailserver: zo leest u wat de genodigde krijgt).' }) body!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) sentAt!: Date | null;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt!: Date | null;
}

@ObjectType('SentInvitationPage', { description: 'Een pagina verzonden uitnodigingen, nieuwste eerst, met het totaal.' })
export class SentInvitationPageType {
  @Field(() => [SentInvitationType]) items!: SentInvitationType[];
  @Field(() => Int) total!: number;
}

@ObjectType('AdminChange')
export class AdminChangeType {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field() actorName!: string;
  @Field() subjectKind!: string;
  @Field() summary!: string;
}

@ObjectType('AdminChangePage')
export class AdminChangePageType {
  @Field(() => [AdminChangeType]) items!: AdminChangeType[];
  @Field(() => Int) total!: number;
}

@ObjectType('InvitationDetails')
export class InvitationDetailsType {
  @Field() email!: string;
  @Field() displayName!: string;
  @Field() organisationName!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
}

@InputType()
export class SaveMunicipalityInput {
  @Field(() => ID, { nullable: true, description: 'Leeg voor een nieuwe gemeente.' }) @IsOptional() @IsUUID('all', { message: 'Onbekende gemeente.' })
  id?: string | null;

  @Field() @IsFilledText({ message: 'Vul de naam van de gemeente in.' }) @IsSingleLineText() @MaxLength(200, { message: 'De naam is te lang (maximaal 200 tekens).' })
  name!: string;

  @Field() @Matches(CBS_MUNICIPALITY_CODE, { message: 'Een CBS-gemeentecode is GM met vier cijfers, bijvoorbeeld GM0202.' })
  cbsCode!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(OIN_PATTERN, { message: 'Een OIN bestaat uit 20 cijfers.' })
  oin?: string | null;

  @Field(() => ID, { nullable: true, description: 'De subregio van de gemeente; leeg voor geen.' }) @IsOptional() @IsUUID('all', { message: 'Kies een bestaande subregio.' })
  subRegionId?: string | null;
}

@InputType()
export class SaveSubRegionInput {
  @Field(() => ID, { nullable: true, description: 'Leeg voor een nieuwe subregio.' }) @IsOptional() @IsUUID('all', { message: 'Onbekende subregio.' })
  id?: string | null;

  @Field() @IsFilledText({ message: 'Geef de subregio een naam.' }) @IsSingleLineText() @MaxLength(100, { message: 'De naam is te lang (maximaal 100 tekens).' })
  name!: string;
}

@InputType()
export class RemoveSubRegionInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende subregio.' })
  subRegionId!: string;
}

@InputType()
export class SaveManagedProviderInput {
  @Field(() => ID, { nullable: true, description: 'Leeg voor een nieuwe aanbieder.' }) @IsOptional() @IsUUID('all', { message: 'Onbekende aanbieder.' })
  id?: string | null;

  @Field() @IsFilledText({ message: 'Vul de naam van de aanbieder in.' }) @IsSingleLineText() @MaxLength(200, { message: 'De naam is te lang (maximaal 200 tekens).' })
  name!: string;

  @Field() @Matches(KVK_NUMBER_PATTERN, { message: 'Een KvK-nummer bestaat uit 8 cijfers.' })
  kvkNumber!: string;

  @Field() @IsIn(ProviderKindValues, { message: 'Kies het soort aanbieder.' })
  providerKind!: string;

  @Field({ description: 'Heeft de aanbieder het keurmerk Inburgeren (Blik op Werk)?' }) @IsBoolean({ message: 'Kies of de aanbieder het keurmerk heeft.' })
  hasKeurmerk!: boolean;

  @Field(() => String, { nullable: true }) @IsOptional() @IsSingleLineText() @MaxLength(50, { message: 'Het keurmerknummer is te lang (maximaal 50 tekens).' })
  keurmerkNumber?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true }) @IsOptional() @Matches(DATE, { message: 'Vul een geldige datum in.' })
  keurmerkValidUntil?: string | null;
}

@InputType()
export class InviteUserInput {
  @Field(() => ID) @IsUUID('all', { message: 'Kies de organisatie.' })
  organisationId!: string;

  @Field() @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' }) @MaxLength(200, { message: 'Het e-mailadres is te lang (maximaal 200 tekens).' })
  email!: string;

  @Field() @IsFilledText({ message: 'Vul de naam in.' }) @IsSingleLineText() @MaxLength(200, { message: 'De naam is te lang (maximaal 200 tekens).' })
  displayName!: string;

  @Field(() => ManagedRoleGql) @IsIn([...USER_ROLES], { message: 'Kies een rol.' })
  role!: ManagedRoleGql;
}

@InputType()
export class ChangeUserRoleInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende gebruiker.' })
  userId!: string;

  @Field(() => ManagedRoleGql) @IsIn([...USER_ROLES], { message: 'Kies een rol.' })
  role!: ManagedRoleGql;

  @Field(() => Boolean, { nullable: true, description: 'Alleen de functioneel beheerder van de regio: maakt een medewerker van een aanbieder beheerder van de eigen gebruikers.' })
  @IsOptional() @IsBoolean()
  managesOwnUsers?: boolean | null;
}

@InputType()
export class SetUserActiveInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende gebruiker.' })
  userId!: string;

  @Field() @IsBoolean()
  active!: boolean;
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsNotEmpty({ message: 'Deze uitnodiging is ongeldig.' }) @MaxLength(200, { message: 'Deze uitnodiging is ongeldig.' })
  token!: string;

  @Field() @MinLength(MIN_PASSWORD_LENGTH, { message: `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.` }) @MaxLength(200, { message: 'Het wachtwoord is te lang (maximaal 200 tekens).' })
  password!: string;
}
