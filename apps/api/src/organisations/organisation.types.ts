import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { OrganisationEntity } from '../database';
import { ORGANISATION_KINDS } from '@inburgering/domain';
import { domainEnum } from '../graphql';

export const OrganisationKindGql = domainEnum(ORGANISATION_KINDS);
export type OrganisationKindGql = (typeof ORGANISATION_KINDS)[number];
registerEnumType(OrganisationKindGql, { name: 'OrganisationKind', description: 'Regio, gemeente of aanbieder.' });

@ObjectType('Organisation')
export class OrganisationType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindGql) kind!: OrganisationKindGql;
  @Field(() => String, { nullable: true, description: 'CBS-gemeentecode, bijvoorbeeld GM0202.' }) cbsCode!: string | null;
  @Field(() => String, { nullable: true }) kvkNumber!: string | null;

  static fromEntity(this: void, organisation: Pick<OrganisationEntity, 'id' | 'name' | 'kind' | 'cbsCode' | 'kvkNumber'>): OrganisationType {
    return Object.assign(new OrganisationType(), {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind as OrganisationKindGql,
      cbsCode: organisation.cbsCode,
      kvkNumber: organisation.kvkNumber,
    });
  }
}
