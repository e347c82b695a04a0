import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsNotEmpty, IsUUID, MaxLength } from 'class-validator';
import { domainEnum } from '../../graphql';
import { IsFilledText, IsSingleLineText } from '../../common';

export const LOGIN_STEPS = ['FULL', 'SECOND_FACTOR', 'ENROL'] as const;
export const LoginStepGql = domainEnum(LOGIN_STEPS);
export type LoginStepGql = (typeof LOGIN_STEPS)[number];
registerEnumType(LoginStepGql, {
  name: 'LoginStep',
  description: 'Hoe ver het inloggen van deze sessie is: FULL ingelogd; SECOND_FACTOR wacht op de code; ENROL moet eerst een tweede factor koppelen.',
});

@ObjectType('SecondFactorStatus', { description: 'De tweede factor van de eigen account.' })
export class SecondFactorStatusType {
  @Field({ description: 'Een tweede factor is verplicht (SECOND_FACTOR=required).' }) required!: boolean;
  @Field({ description: 'Er is een authenticator-app gekoppeld.' }) totpEnabled!: boolean;
  @Field(() => Int, { description: 'Ongebruikte herstelcodes.' }) recoveryCodesLeft!: number;
  @Field(() => Int, { description: 'Aantal passkeys van de account (ook tijdens de tweede stap, om de passkey aan te bieden).' }) passkeyCount!: number;
  @Field(() => [PasskeyType], { description: 'De passkeys van de account; alleen na volledig inloggen, anders leeg.' }) passkeys!: PasskeyType[];
  @Field(() => LoginStepGql) loginStep!: LoginStepGql;
}

@ObjectType('TotpEnrolment', { description: 'Een nieuw geheim voor een authenticator-app: als QR-code en als tekst om over te typen.' })
export class TotpEnrolmentType {
  @Field({ description: 'Het geheim (base32), om in te typen als scannen niet lukt.' }) secret!: string;
  @Field({ description: 'Het otpauth://-adres.' }) uri!: string;
  @Field({ description: 'De QR-code als PNG (data-URL).' }) qrCode!: string;
}

@ObjectType('RecoveryCodes', { description: 'Herstelcodes: elk één keer te gebruiken; alleen nu te zien.' })
export class RecoveryCodesType {
  @Field(() => [String]) codes!: string[];
}

@InputType()
export class SecondFactorCodeInput {
  @Field({ description: 'De zescijferige code uit de app, of een herstelcode.' })
  @IsNotEmpty({ message: 'Vul de code in.' })
  @MaxLength(40, { message: 'De code is te lang.' })
  code!: string;
}

@InputType({ description: 'Een eigen passkey verwijderen, met het wachtwoord.' })
export class RemovePasskeyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Dit is geen geldige id.' })
  id!: string;

  @Field()
  @IsNotEmpty({ message: 'Vul uw wachtwoord in.' })
  @MaxLength(200, { message: 'Het wachtwoord is te lang.' })
  password!: string;
}

@InputType()
export class RemoveTotpInput {
  @Field()
  @IsNotEmpty({ message: 'Vul uw wachtwoord in.' })
  @MaxLength(200, { message: 'Het wachtwoord is te lang.' })
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsNotEmpty({ message: 'Vul uw huidige wachtwoord in.' })
  @MaxLength(200, { message: 'Het wachtwoord is te lang.' })
  currentPassword!: string;

  @Field()
  @IsNotEmpty({ message: 'Vul een nieuw wachtwoord in.' })
  @MaxLength(200, { message: 'Het wachtwoord is te lang (hoogstens 200 tekens).' })
  newPassword!: string;
}

@ObjectType('Passkey', { description: 'Een passkey van de eigen account (tweede factor).' })
export class PasskeyType {
  @Field(() => ID) id!: string;
  @Field({ description: 'De naam die de gebruiker eraan gaf.' }) name!: string;
  @Field({ description: 'Wanneer de passkey is toegevoegd.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Wanneer er voor het laatst mee is ingelogd; null als nog nooit.' }) lastUsedAt!: Date | null;
}

@ObjectType('PasskeyOptions', { description: 'De opties voor de browser (WebAuthn), als JSON; de uitdaging blijft op de server, bij deze sessie.' })
export class PasskeyOptionsType {
  @Field({ description: 'PublicKeyCredentialCreationOptionsJSON of PublicKeyCredentialRequestOptionsJSON.' }) optionsJson!: string;
}

@InputType()
export class FinishPasskeyRegistrationInput {
  @Field({ description: 'Een naam om de passkey aan te herkennen, bijvoorbeeld "Laptop werk".' })
  @IsFilledText({ message: 'Geef de passkey een naam.' })
  @IsSingleLineText()
  @MaxLength(60, { message: 'De naam is te lang (hoogstens 60 tekens).' })
  name!: string;

  @Field({ description: 'Het antwoord van de browser (RegistrationResponseJSON).' })
  @IsNotEmpty({ message: 'Het antwoord van de browser ontbreekt.' })
  @MaxLength(20_000, { message: 'Het antwoord van de browser is te groot.' })
  responseJson!: string;
}

@InputType()
export class PasskeyLoginInput {
  @Field({ description: 'Het antwoord van de browser (AuthenticationResponseJSON).' })
  @IsNotEmpty({ message: 'Het antwoord van de browser ontbreekt.' })
  @MaxLength(20_000, { message: 'Het antwoord van de browser is te groot.' })
  responseJson!: string;
}
