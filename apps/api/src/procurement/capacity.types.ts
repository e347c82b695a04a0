import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { LotSubjectGql } from '../lots';
import { StartMomentType } from './start-moment.types';

@ObjectType('CapacityFigures')
export class CapacityFiguresType {
  @Field(() => Int) seats!: number;
  @Field(() => Int) taken!: number;
  @Field(() => Int) free!: number;
  @Field(() => Int, { description: 'Wachtende aanmeldingen.' }) waiting!: number;
  @Field(() => Int, { description: 'Wachtenden voor wie geen vrije plaats is.' }) shortage!: number;
  @Field(() => Float, { nullable: true, description: 'Bezetting in procenten; leeg zonder plaatsen.' }) occupancyPercent!: number | null;
}

@ObjectType('SubjectCapacity')
export class SubjectCapacityType extends CapacityFiguresType {
  @Field(() => LotSubjectGql) subject!: LotSubjectGql;
  @Field() subjectLabel!: string;
}

@ObjectType('LotCapacity')
export class LotCapacityType extends CapacityFiguresType {
  @Field(() => ID) lotId!: string;
  @Field() lotName!: string;
  @Field(() => LotSubjectGql) subject!: LotSubjectGql;
  @Field() subjectLabel!: string;
  @Field(() => Date, { nullable: true, description: 'Sinds wanneer de langst wachtende aanmelding wacht.' }) waitingSince!: Date | null;
}

@ObjectType('MunicipalityDemand')
export class MunicipalityDemandType {
  @Field(() => ID) lotId!: string;
  @Field(() => ID) municipalityId!: string;
  @Field() municipalityName!: string;
  @Field(() => Int) waiting!: number;
  @Field(() => Date) waitingSince!: Date;
}

@ObjectType('CapacityOverview')
export class CapacityOverviewType {
  @Field(() => [SubjectCapacityType], { description: 'Per leerroute of module.' }) subjects!: SubjectCapacityType[];
  @Field(() => [LotCapacityType], { description: 'Per perceel.' }) lots!: LotCapacityType[];
  @Field(() => [StartMomentType], { description: 'Per instroommoment.' }) startMoments!: StartMomentType[];
  @Field(() => [MunicipalityDemandType], { description: 'Wachtenden per perceel en gemeente.' }) waitingByMunicipality!: MunicipalityDemandType[];
}

@InputType()
export class CapacityFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Onbekend perceel.' }) lotId?: string | null;
  @Field(() => LotSubjectGql, { nullable: true }) @IsOptional() @IsIn(Object.values(LotSubjectGql), { message: 'Kies een leerroute of module.' }) subject?: LotSubjectGql | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Onbekende gemeente.' }) municipalityId?: string | null;
  @Field({ defaultValue: true, description: 'Alleen instroommomenten vanaf vandaag (standaard).' }) @IsBoolean() upcomingOnly!: boolean;
}
