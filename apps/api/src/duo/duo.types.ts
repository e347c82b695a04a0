import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DUO_MESSAGE_KINDS, DUO_MESSAGE_STATUSES } from '@inburgering/domain';
import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { domainEnum } from '../graphql';

const PATH_TOO_LONG = 'Het pad is te lang (maximaal 500 tekens).';

export const DuoMessageKindGql = domainEnum(DUO_MESSAGE_KINDS);
export type DuoMessageKindGql = (typeof DuoMessageKindGql)[keyof typeof DuoMessageKindGql];
registerEnumType(DuoMessageKindGql, { name: 'DuoMessageKind', description: 'Soort bericht aan DUO.' });

export const DuoMessageStatusGql = domainEnum(DUO_MESSAGE_STATUSES);
export type DuoMessageStatusGql = (typeof DuoMessageStatusGql)[keyof typeof DuoMessageStatusGql];
registerEnumType(DuoMessageStatusGql, { name: 'DuoMessageStatus', description: 'Wacht, verstuurd, geaccepteerd, geweigerd of vervangen.' });

@ObjectType('DuoMessage', { description: 'Een bericht aan DUO met zijn status.' })
export class DuoMessageType {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => Int, { description: 'Klantnummer van de cliënt.' }) clientNumber!: number;
  @Field(() => DuoMessageKindGql) kind!: DuoMessageKindGql;
  @Field({ description: 'De soort in het Nederlands.' }) kindLabel!: string;
  @Field(() => DuoMessageStatusGql) status!: DuoMessageStatusGql;
  @Field(() => [String], { description: 'Waarom DUO (of de controle vooraf) het bericht weigerde, en wat u moet aanpassen.' }) errors!: string[];
  @Field(() => String, { nullable: true, description: 'De laatste tijdelijke fout (DUO onbereikbaar), als die er is.' }) lastError!: string | null;
  @Field(() => Int) attempts!: number;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
}

@ObjectType('DuoMessagePage')
export class DuoMessagePageType {
  @Field(() => Int, { description: 'Het aantal berichten over alle pagina\'s.' }) total!: number;
  @Field(() => [DuoMessageType]) items!: DuoMessageType[];
}

@ObjectType('DuoLink', { description: 'De koppeling van een gemeente met DUO.' })
export class DuoLinkType {
  @Field(() => ID) municipalityId!: string;
  @Field() enabled!: boolean;
  @Field() municipalityOin!: string;
  @Field() duoOin!: string;
  @Field() baseUrl!: string;
  @Field() certPath!: string;
  @Field() keyPath!: string;
  @Field(() => String, { nullable: true }) caPath!: string | null;
}

@InputType()
export class ConfigureDuoLinkInput {
  @Field(() => ID) @IsUUID('all', { message: 'Ongeldige gemeente.' }) municipalityId!: string;
  @Field() @IsBoolean() enabled!: boolean;
  @Field() @Matches(/^\d{20}$/, { message: 'Het OIN van de gemeente bestaat uit 20 cijfers.' }) municipalityOin!: string;
  @Field() @Matches(/^\d{20}$/, { message: 'Het OIN van DUO bestaat uit 20 cijfers.' }) duoOin!: string;
  @Field() @Matches(/^https:\/\/[^\s]+$/, { message: 'De basis-URL van DUO begint met https://.' }) @MaxLength(500, { message: 'De basis-URL is te lang (maximaal 500 tekens).' }) baseUrl!: string;
  @Field() @IsString() @MaxLength(500, { message: PATH_TOO_LONG }) @Matches(/^\S+$/, { message: 'Vul het pad van het certificaat in.' }) certPath!: string;
  @Field() @IsString() @MaxLength(500, { message: PATH_TOO_LONG }) @Matches(/^\S+$/, { message: 'Vul het pad van de sleutel in.' }) keyPath!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500, { message: PATH_TOO_LONG }) caPath?: string | null;
}

@InputType()
export class WithdrawPipAtDuoInput {
  /** Not validated as a UUID here: the AccessService answers NOT_FOUND for unknown, foreign and malformed ids alike. */
  @Field(() => ID) @IsString() clientId!: string;
}

@InputType()
export class SetDuoContactPersonInput {
  /** Not validated as a UUID here: the AccessService answers NOT_FOUND for unknown, foreign and malformed ids alike. */
  @Field(() => ID) @IsString() clientId!: string;
  @Field({ description: 'Naam van de contactpersoon (letters, spaties, punten, apostroffen en streepjes; hoogstens 100 tekens).' }) @IsString() @MaxLength(100, { message: 'De naam is hoogstens 100 tekens.' }) name!: string;
  @Field({ description: 'E-mailadres van de contactpersoon.' }) @IsString() @MaxLength(241, { message: 'Het e-mailadres is hoogstens 241 tekens.' }) email!: string;
  @Field({ description: 'Telefoonnummer van de contactpersoon.' }) @IsString() @MaxLength(22, { message: 'Het telefoonnummer is hoogstens 22 tekens.' }) phone!: string;
}

@ObjectType('DuoContactPerson', { description: 'De contactpersoon van de gemeente die DUO en de keten voor deze cliënt kunnen bellen, met de status van het bericht aan DUO.' })
export class DuoContactPersonType {
  @Field() name!: string;
  @Field() email!: string;
  @Field() phone!: string;
  @Field(() => DuoMessageStatusGql) status!: DuoMessageStatusGql;
  @Field(() => [String], { description: 'Waarom DUO (of de controle vooraf) het bericht weigerde.' }) errors!: string[];
}
