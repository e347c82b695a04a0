import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SSO_CLIENT_AUTHENTICATIONS, SSO_CONNECTION_KINDS, SSO_EMAIL_MATCHINGS } from '@inburgering/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { domainEnum } from '../graphql';
import { IsSingleLineText } from '../common';

export const SsoConnectionKindGql = domainEnum(SSO_CONNECTION_KINDS);
export type SsoConnectionKindGql = (typeof SSO_CONNECTION_KINDS)[number];
registerEnumType(SsoConnectionKindGql, { name: 'SsoConnectionKind', description: 'OIDC: de eigen identity provider van een gemeente; EHERKENNING: een eHerkenning-makelaar (voor aanbieders).' });

export const SsoEmailMatchingGql = domainEnum(SSO_EMAIL_MATCHINGS);
export type SsoEmailMatchingGql = (typeof SSO_EMAIL_MATCHINGS)[number];
registerEnumType(SsoEmailMatchingGql, {
  name: 'SsoEmailMatching',
  description: 'VERIFIED: een e-mailadres koppelt alleen als de identity provider het geverifieerd noemt; TRUSTED: de identity provider beheert de adressen zelf.',
});

export const SsoClientAuthenticationGql = domainEnum(SSO_CLIENT_AUTHENTICATIONS);
export type SsoClientAuthenticationGql = (typeof SSO_CLIENT_AUTHENTICATIONS)[number];
registerEnumType(SsoClientAuthenticationGql, {
  name: 'SsoClientAuthentication',
  description: 'CLIENT_SECRET: een clientgeheim (client_secret_basic); PRIVATE_KEY_JWT: een ondertekende verklaring met een sleutel van het platform, de publieke sleutel staat op het JWKS-adres.',
});

@ObjectType('SsoConnection', { description: 'Inloggen met de eigen organisatie (OpenID Connect); het clientgeheim verlaat de API nooit.' })
export class SsoConnectionType {
  @Field(() => SsoConnectionKindGql) kind!: SsoConnectionKindGql;
  @Field() issuerUrl!: string;
  @Field() clientId!: string;
  @Field({ description: 'Of er een clientgeheim is opgeslagen (versleuteld).' }) hasClientSecret!: boolean;
  @Field(() => SsoClientAuthenticationGql) clientAuthentication!: SsoClientAuthenticationGql;
  @Field(() => String, { nullable: true, description: 'PRIVATE_KEY_JWT: het pad (op het adres van het platform) waar de identity provider de publieke sleutel leest (jwks_uri).' })
  jwksPath!: string | null;
  @Field(() => [String]) emailDomains!: string[];
  @Field(() => SsoEmailMatchingGql) emailMatching!: SsoEmailMatchingGql;
  @Field() enabled!: boolean;
  @Field() updatedAt!: Date;
}

@ObjectType('SsoOrganisation', { description: 'Een organisatie van de regio met haar inloginstelling (of geen).' })
export class SsoOrganisationType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'REGION, MUNICIPALITY, SHARED_SERVICE of PROVIDER.' }) organisationKind!: string;
  @Field(() => SsoConnectionType, { nullable: true }) connection!: SsoConnectionType | null;
}

@ObjectType('SsoLoginOption', { description: 'Een organisatie waarvan de medewerkers met de eigen organisatie inloggen.' })
export class SsoLoginOptionType {
  @Field(() => ID) organisationId!: string;
  @Field() name!: string;
  @Field(() => SsoConnectionKindGql) kind!: SsoConnectionKindGql;
}

@InputType()
export class SaveSsoConnectionInput {
  /** Not validated as a UUID here: the AccessService answers NOT_FOUND for unknown, foreign and malformed ids alike. */
  @Field(() => ID) @IsString() organisationId!: string;
  @Field(() => SsoConnectionKindGql) @IsIn([...SSO_CONNECTION_KINDS], { message: 'Kies OpenID Connect of eHerkenning.' }) kind!: SsoConnectionKindGql;
  @Field({ description: 'De issuer-URL van de identity provider (https://…); de API leest er de OpenID Connect-configuratie.' })
  @IsString() @IsNotEmpty({ message: 'Vul de issuer-URL in.' }) @IsSingleLineText() @MaxLength(500, { message: 'De issuer-URL is te lang (hoogstens 500 tekens).' })
  issuerUrl!: string;
  @Field() @IsString() @IsNotEmpty({ message: 'Vul de client-id in.' }) @IsSingleLineText() @MaxLength(200, { message: 'De client-id is te lang (hoogstens 200 tekens).' })
  clientId!: string;
  @Field(() => String, { nullable: true, description: 'Het clientgeheim; leeg laten bij wijzigen houdt het opgeslagen geheim.' })
  @IsOptional() @IsString() @MaxLength(500, { message: 'Het clientgeheim is te lang (hoogstens 500 tekens).' })
  clientSecret?: string | null;
  @Field(() => SsoClientAuthenticationGql, { defaultValue: 'CLIENT_SECRET', description: 'Hoe het platform zich bij het tokenadres bekendmaakt.' })
  @IsIn([...SSO_CLIENT_AUTHENTICATIONS], { message: 'Kies een clientgeheim of een ondertekende verklaring (private_key_jwt).' })
  clientAuthentication!: SsoClientAuthenticationGql;
  @Field(() => [String], { description: 'De e-maildomeinen van de organisatie (bijvoorbeeld arnhem.nl): alleen adressen daarbinnen koppelen, en ze kiezen de organisatie bij inloggen op e-mailadres.' })
  @IsArray() @ArrayMinSize(1, { message: 'Vul ten minste één e-maildomein in.' }) @ArrayMaxSize(20, { message: 'Vul hoogstens 20 e-maildomeinen in.' })
  @IsString({ each: true }) @IsSingleLineText({ each: true }) @MaxLength(253, { each: true, message: 'Een e-maildomein is te lang.' })
  emailDomains!: string[];
  @Field(() => SsoEmailMatchingGql) @IsIn([...SSO_EMAIL_MATCHINGS], { message: 'Kies hoe e-mailadressen koppelen.' }) emailMatching!: SsoEmailMatchingGql;
  @Field() @IsBoolean() enabled!: boolean;
}
