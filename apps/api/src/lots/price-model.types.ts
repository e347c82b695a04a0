import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { milestoneAmountsCents, PRICE_MODEL_KINDS, priceModelLabel, type PriceModel } from '@inburgering/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { domainEnum } from '../graphql';

export const PriceModelKindGql = domainEnum(PRICE_MODEL_KINDS);
export type PriceModelKindGql = (typeof PRICE_MODEL_KINDS)[number];
registerEnumType(PriceModelKindGql, { name: 'PriceModelKind', description: 'Vaste prijs per traject, prijs per uur of prijs per module.' });

@ObjectType('Milestone')
export class MilestoneType {
  @Field() name!: string;
  @Field(() => Int, { description: 'Deel van de trajectprijs in hele procenten.' }) percentage!: number;
  @Field(() => Float, { description: 'Bedrag van dit betaalmoment in eurocenten.' }) amountCents!: number;
}

@ObjectType('PriceModel')
export class PriceModelType {
  @Field(() => PriceModelKindGql) kind!: PriceModelKindGql;
  @Field({ description: 'Omschrijving van het prijsmodel.' }) label!: string;
  @Field(() => Float, { nullable: true, description: 'Trajectprijs in eurocenten (vaste prijs per traject).' }) priceCents!: number | null;
  @Field(() => [MilestoneType]) milestones!: MilestoneType[];
  @Field(() => Float, { nullable: true, description: 'Uurtarief in eurocenten.' }) hourlyRateCents!: number | null;
  @Field(() => Float, { nullable: true, description: 'Prijs per module in eurocenten.' }) pricePerModuleCents!: number | null;

  static from(model: PriceModel | null): PriceModelType | null {
    if (!model) return null;
    const milestones = model.kind === 'FIXED_PER_TRAJECTORY' ? model.milestones : [];
    const amounts = model.kind === 'FIXED_PER_TRAJECTORY' ? milestoneAmountsCents(model.priceCents, model.milestones) : [];
    return Object.assign(new PriceModelType(), {
      kind: model.kind as PriceModelKindGql,
      label: priceModelLabel(model.kind),
      priceCents: model.kind === 'FIXED_PER_TRAJECTORY' ? model.priceCents : null,
      milestones: milestones.map((m, i) => Object.assign(new MilestoneType(), { name: m.name, percentage: m.percentage, amountCents: amounts[i] })),
      hourlyRateCents: model.kind === 'PER_HOUR' ? model.hourlyRateCents : null,
      pricePerModuleCents: model.kind === 'PER_MODULE' ? model.pricePerModuleCents : null,
    });
  }
}

@InputType()
export class MilestoneInput {
  @Field() @IsString() @MaxLength(100, { message: 'De naam van een betaalmoment is te lang (maximaal 100 tekens).' })
  name!: string;

  @Field(() => Int) @IsInt({ message: 'Het percentage van een betaalmoment moet een heel getal zijn.' })
  percentage!: number;
}

/** One input for every price model; which amounts are needed depends on the kind (checked by checkPriceModel). */
@InputType()
export class PriceModelInput {
  @Field(() => PriceModelKindGql) @IsIn(Object.values(PriceModelKindGql), { message: 'Kies een prijsmodel.' })
  kind!: PriceModelKindGql;

  @Field(() => Float, { nullable: true }) @IsOptional() @IsInt({ message: 'De trajectprijs moet in hele centen zijn.' })
  priceCents?: number | null;

  @Field(() => [MilestoneInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => MilestoneInput)
  milestones?: MilestoneInput[] | null;

  @Field(() => Float, { nullable: true }) @IsOptional() @IsInt({ message: 'Het uurtarief moet in hele centen zijn.' })
  hourlyRateCents?: number | null;

  @Field(() => Float, { nullable: true }) @IsOptional() @IsInt({ message: 'De prijs per module moet in hele centen zijn.' })
  pricePerModuleCents?: number | null;
}

/** The domain price model an input describes; missing amounts become 0 so checkPriceModel names them. */
export function toPriceModel(input: PriceModelInput): PriceModel {
  switch (input.kind) {
    case PriceModelKindGql.FIXED_PER_TRAJECTORY:
      return {
        kind: 'FIXED_PER_TRAJECTORY',
        priceCents: input.priceCents ?? 0,
        milestones: (input.milestones ?? []).map((m) => ({ name: m.name.trim(), percentage: m.percentage })),
      };
    case PriceModelKindGql.PER_HOUR:
      return { kind: 'PER_HOUR', hourlyRateCents: input.hourlyRateCents ?? 0 };
    case PriceModelKindGql.PER_MODULE:
      return { kind: 'PER_MODULE', pricePerModuleCents: input.pricePerModuleCents ?? 0 };
  }
}
