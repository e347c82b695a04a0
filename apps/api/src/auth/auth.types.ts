import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { USER_ROLES } from '@inburgering/domain';
import { IsEmail, IsNotEmpty, MaxLength } from 'class-validator';
import { domainEnum } from '../graphql';
import { OrganisationType } from '../organisations';

export const RoleGql = domainEnum(USER_ROLES);
export type RoleGql = (typeof USER_ROLES)[number];
registerEnumType(RoleGql, { name: 'Role', description: 'De rol van een gebruiker.' });

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' })
  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  email!: string;

  @Field()
  @IsNotEmpty({ message: 'Vul uw wachtwoord in.' })
  @MaxLength(200, { message: 'Het wachtwoord is te lang.' })
  password!: string;
}

@ObjectType('Me')
export class MeType {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => RoleGql) role!: RoleGql;
  @Field(() => OrganisationType) organisation!: OrganisationType;
  @Field(() => [OrganisationType], { description: 'Een gedeelde uitvoeringsdienst: de gemeenten waarvoor hij werkt (op naam); anders leeg.' })
  servedMunicipalities!: OrganisationType[];
  @Field(() => OrganisationType, { nullable: true, description: 'Een gedeelde uitvoeringsdienst: de gemeente waarvoor dit verzoek werkt (kop X-Gemeente); anders null.' })
  actingMunicipality!: OrganisationType | null;
  @Field({ description: 'Een medewerker van een aanbieder die de gebruikers van de eigen organisatie beheert (uitnodigen, deactiveren).' })
  managesOwnUsers!: boolean;
}

@ObjectType('UserSession', { description: 'Een sessie (ingelogd apparaat of browser) van de gebruiker zelf.' })
export class UserSessionType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Wanneer met deze sessie is ingelogd.' }) createdAt!: Date;
  @Field({ description: 'Wanneer de sessie uiterlijk afloopt.' }) expiresAt!: Date;
  @Field({ description: 'De sessie van dit verzoek (deze browser).' }) current!: boolean;
}
