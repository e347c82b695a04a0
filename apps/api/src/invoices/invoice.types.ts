import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { INVOICE_DOCUMENT_TYPES, INVOICE_LINE_KINDS, INVOICE_STATUSES, PAYING_PARTY_MODES, VAT_CATEGORIES } from '@inburgering/domain';
import { DATE } from '../clients';
import { IsSingleLineText } from '../common';
import { CalendarDateScalar, domainEnum } from '../graphql';

export const InvoiceStatusGql = domainEnum(INVOICE_STATUSES);
export type InvoiceStatusGql = (typeof INVOICE_STATUSES)[number];
registerEnumType(InvoiceStatusGql, { name: 'InvoiceStatus', description: 'Voorstel, ingediend door de aanbieder, betwist (regels terug naar de bron) of goedgekeurd (definitief, genummerd).' });

export const InvoiceDocumentTypeGql = domainEnum(INVOICE_DOCUMENT_TYPES);
export type InvoiceDocumentTypeGql = (typeof INVOICE_DOCUMENT_TYPES)[number];
registerEnumType(InvoiceDocumentTypeGql, { name: 'InvoiceDocumentType', description: 'Factuur of creditnota.' });

export const InvoiceLineKindGql = domainEnum(INVOICE_LINE_KINDS);
export type InvoiceLineKindGql = (typeof INVOICE_LINE_KINDS)[number];
registerEnumType(InvoiceLineKindGql, { name: 'InvoiceLineKind', description: 'Betaalmoment van een traject, goedgekeurde uren, afgeronde module of plaatsen van een instroommoment.' });

export const PayingPartyModeGql = domainEnum(PAYING_PARTY_MODES);
export type PayingPartyModeGql = (typeof PAYING_PARTY_MODES)[number];
registerEnumType(PayingPartyModeGql, { name: 'PayingPartyMode', description: 'Elke gemeente betaalt voor de eigen inburgeraars, of de centrumgemeente van de regio betaalt alles.' });

export const VatCategoryGql = domainEnum(VAT_CATEGORIES);
export type VatCategoryGql = (typeof VAT_CATEGORIES)[number];
registerEnumType(VatCategoryGql, { name: 'VatCategory', description: 'E: vrijgesteld van btw (onderwijs, standaard), S: algemeen tarief.' });

@ObjectType('InvoiceDispute')
export class InvoiceDisputeType {
  @Field() reason!: string;
  @Field() disputedAt!: Date;
}

@ObjectType('InvoiceLine')
export class InvoiceLineType {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => InvoiceLineKindGql) kind!: InvoiceLineKindGql;
  @Field(() => Int, { nullable: true, description: 'Klantnummer binnen de gemeente; nooit een BSN of naam.' }) clientNumber!: number | null;
  @Field(() => String, { nullable: true }) route!: string | null;
  @Field(() => CalendarDateScalar, { description: 'De dag van de oorzaak; de prijsafspraak die toen gold, bepaalt het bedrag.' }) lineDate!: string;
  @Field() description!: string;
  @Field(() => Int) quantity!: number;
  @Field() unitCode!: string;
  @Field(() => Float, { description: 'Prijs in eurocenten per basishoeveelheid.' }) unitPriceCents!: number;
  @Field(() => Int) baseQuantity!: number;
  @Field(() => Float, { description: 'Bedrag in eurocenten, één keer afgerond.' }) amountCents!: number;
  @Field({ description: 'OPEN, DISPUTED (terug naar de bron) of CREDITED (gecrediteerd op een creditnota na een latere correctie van de bron).' }) status!: string;
  @Field(() => InvoiceDisputeType, { nullable: true }) dispute!: InvoiceDisputeType | null;
}

@ObjectType('Invoice')
export class InvoiceType {
  @Field(() => ID) id!: string;
  @Field(() => InvoiceDocumentTypeGql) documentType!: InvoiceDocumentTypeGql;
  @Field(() => InvoiceStatusGql) status!: InvoiceStatusGql;
  @Field(() => String, { nullable: true, description: 'Factuurnummer, doorlopend per aanbieder; pas bij goedkeuring.' }) number!: string | null;
  @Field(() => ID) contractId!: string;
  @Field() lotName!: string;
  @Field() providerName!: string;
  @Field() payingMunicipalityName!: string;
  @Field(() => CalendarDateScalar) month!: string;
  @Field(() => CalendarDateScalar, { nullable: true }) issueDate!: string | null;
  @Field(() => CalendarDateScalar, { nullable: true }) dueDate!: string | null;
  @Field(() => String, { nullable: true }) providerReference!: string | null;
  @Field(() => String, { nullable: true }) providerNote!: string | null;
  @Field(() => VatCategoryGql) vatCategory!: VatCategoryGql;
  @Field(() => Float, { description: 'Som van de geldende regels in eurocenten.' }) lineTotalCents!: number;
  @Field(() => Float) vatCents!: number;
  @Field(() => Float) payableCents!: number;
  @Field({ description: 'Deze factuur zou, boven op wat al is goedgekeurd, het contractplafond overschrijden.' }) exceedsCeiling!: boolean;
  @Field(() => Int, { description: 'Geef deze versie mee bij goedkeuren: zo wint bij gelijktijdig goedkeuren er één.' }) version!: number;
  @Field(() => ID, { nullable: true, description: 'Bij een creditnota: de goedgekeurde factuur die zij crediteert.' }) creditedInvoiceId!: string | null;
  @Field(() => String, { nullable: true, description: 'Bij een creditnota: het nummer van de gecrediteerde factuur.' }) creditedInvoiceNumber!: string | null;
  @Field(() => Int) lineCount!: number;
  @Field(() => Int) disputedLineCount!: number;
  @Field(() => [InvoiceLineType], { description: 'Alle regels, ook betwiste.' }) lines!: InvoiceLineType[];
}

@ObjectType('ContractInvoicing')
export class ContractInvoicingType {
  @Field(() => ID) contractId!: string;
  @Field() lotName!: string;
  @Field() providerName!: string;
  @Field(() => Float, { nullable: true }) ceilingCents!: number | null;
  @Field(() => Float, { description: 'Goedgekeurd, min creditnota\'s.' }) approvedCents!: number;
  @Field(() => Float, { description: 'Ingediend en nog niet beslist.' }) submittedCents!: number;
  @Field(() => Float, { description: 'Betwiste regels.' }) disputedCents!: number;
  @Field(() => Int, { nullable: true, description: 'Goedgekeurd als heel percentage van het plafond.' }) percentOfCeiling!: number | null;
}

@ObjectType('InvoicePage', { description: 'Een pagina facturen (nieuwste maand eerst, dan perceel, gemeente en soort) met het totaal.' })
export class InvoicePageType {
  @Field(() => [InvoiceType]) items!: InvoiceType[];
  @Field(() => Int) total!: number;
}

@InputType()
export class InvoiceFilterInput {
  @Field(() => InvoiceStatusGql, { nullable: true }) @IsOptional() @IsIn(Object.values(InvoiceStatusGql), { message: 'Onbekende status.' }) status?: InvoiceStatusGql | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Onbekend contract.' }) contractId?: string | null;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Een dag in de maand.' }) @IsOptional() @Matches(DATE, { message: 'Kies een maand.' }) month?: string | null;
}

@InputType()
export class GenerateInvoicesInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekend contract.' }) contractId!: string;
  @Field(() => CalendarDateScalar, { description: 'Een dag in de te factureren maand.' }) @Matches(DATE, { message: 'Kies de maand die u wilt factureren.' }) month!: string;
}

@InputType()
export class SubmitInvoiceInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende factuur.' }) invoiceId!: string;
  @Field(() => String, { nullable: true, description: 'Uw eigen kenmerk.' }) @IsOptional() @IsSingleLineText() @MaxLength(100, { message: 'Het kenmerk is te lang (maximaal 100 tekens).' }) providerReference?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, { message: 'De toelichting is te lang (maximaal 1000 tekens).' }) providerNote?: string | null;
  @Field({ description: 'Unieke sleutel van het formulier: een herhaalde verzending dient maar één keer in.' })
  @MinLength(8, { message: 'Ongeldige verzendsleutel.' }) @MaxLength(100, { message: 'Ongeldige verzendsleutel.' }) idempotencyKey!: string;
}

@InputType()
export class ApproveInvoiceInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende factuur.' }) invoiceId!: string;
  @Field(() => Int, { description: 'De versie die u zag.' }) @IsInt() version!: number;
}

@InputType()
export class DisputedLineInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende factuurregel.' }) lineId!: string;
  /** Checked by the domain rule, so the message names the rule (field lines.N.reason). */
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000, { message: 'De reden is te lang (maximaal 1000 tekens).' }) reason?: string | null;
}

@InputType()
export class DisputeInvoiceInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende factuur.' }) invoiceId!: string;
  @Field(() => [DisputedLineInput]) @ValidateNested({ each: true }) @Type(() => DisputedLineInput)
  @ArrayMinSize(1, { message: 'Kies ten minste één regel die u betwist.' }) @ArrayMaxSize(500, { message: 'Betwist maximaal 500 regels tegelijk.' })
  lines!: DisputedLineInput[];
}

@InputType()
export class ContractInvoiceSettingInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekend contract.' }) contractId!: string;
  @Field(() => PayingPartyModeGql) @IsIn(Object.values(PayingPartyModeGql), { message: 'Kies wie betaalt.' }) payingPartyMode!: PayingPartyModeGql;
  @Field(() => ID, { nullable: true, description: 'De centrumgemeente die alles betaalt (alleen bij LEAD_MUNICIPALITY).' })
  @IsOptional() @IsUUID('all', { message: 'Kies de centrumgemeente.' }) leadMunicipalityId?: string | null;
  @Field(() => VatCategoryGql) @IsIn(Object.values(VatCategoryGql), { message: 'Kies de btw-behandeling.' }) vatCategory!: VatCategoryGql;
  @Field(() => Int) @IsInt({ message: 'Vul een betaaltermijn in hele dagen in.' }) paymentTermsDays!: number;
  @Field(() => String, { nullable: true, description: 'Inkoopordernummer of kenmerk van de gemeente (BuyerReference).' })
  @IsOptional() @IsSingleLineText() @MaxLength(100, { message: 'Het kenmerk is te lang (maximaal 100 tekens).' }) buyerReference?: string | null;
}
