import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { InvoicesService, MAX_INVOICE_PAGE } from './invoices.service';
import {
  ApproveInvoiceInput, ContractInvoiceSettingInput, ContractInvoicingType, DisputeInvoiceInput, GenerateInvoicesInput, InvoiceFilterInput, InvoicePageType, InvoiceType, SubmitInvoiceInput,
} from './invoice.types';

@Resolver()
export class InvoicesResolver {
  constructor(private readonly service: InvoicesService) {}

  @Roles('PROVIDER_USER', 'CONSULTANT', 'FINANCIAL_OFFICER', 'PROJECTLEIDER')
  @Query(() => InvoicePageType, {
    description: `Eén pagina (hoogstens ${MAX_INVOICE_PAGE}) facturen met het totaal: voor een aanbieder de eigen, voor een gemeente die zij betaalt, voor de regio die op haar contracten.`,
  })
  invoicePage(
    @CurrentActor() actor: Actor,
    // The filter's type has no `| null`: the metadata of a union is Object, which class-validator skips (null still arrives).
    @Args('filter', { type: () => InvoiceFilterInput, nullable: true }) filter: InvoiceFilterInput,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<InvoicePageType> {
    return this.service.page(actor, filter, limit, offset);
  }

  @Roles('PROVIDER_USER', 'CONSULTANT', 'FINANCIAL_OFFICER', 'PROJECTLEIDER')
  @Query(() => InvoiceType, { description: 'Eén factuur met al haar regels.' })
  invoice(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<InvoiceType> {
    return this.service.one(actor, id);
  }

  @Roles('PROJECTLEIDER')
  @Query(() => [ContractInvoicingType], { description: 'Per contract: gefactureerd, goedgekeurd en betwist tegenover het plafond.' })
  contractInvoicing(@CurrentActor() actor: Actor): Promise<ContractInvoicingType[]> {
    return this.service.contractOverview(actor);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => [InvoiceType], { description: 'Maak de factuurvoorstellen van een maand uit goedgekeurde gegevens, één per betalende gemeente. Nogmaals uitvoeren voegt niets dubbel toe.' })
  generateInvoices(@CurrentActor() actor: Actor, @Args('input') input: GenerateInvoicesInput): Promise<InvoiceType[]> {
    return this.service.generate(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => InvoiceType, { description: 'Dien een factuurvoorstel in bij de betalende gemeente, met uw kenmerk en een toelichting. Regels wijzigt u aan de bron.' })
  submitInvoice(@CurrentActor() actor: Actor, @Args('input') input: SubmitInvoiceInput): Promise<InvoiceType> {
    return this.service.submit(actor, input);
  }

  @Roles('CONSULTANT', 'FINANCIAL_OFFICER')
  @Mutation(() => InvoiceType, { description: 'Keur een ingediende factuur goed: daarna is zij definitief en genummerd.' })
  approveInvoice(@CurrentActor() actor: Actor, @Args('input') input: ApproveInvoiceInput): Promise<InvoiceType> {
    return this.service.approve(actor, input);
  }

  @Roles('CONSULTANT', 'FINANCIAL_OFFICER')
  @Mutation(() => InvoiceType, { description: 'Betwist regels van een ingediende factuur, elk met een reden; zij gaan terug naar de bron.' })
  disputeInvoice(@CurrentActor() actor: Actor, @Args('input') input: DisputeInvoiceInput): Promise<InvoiceType> {
    return this.service.dispute(actor, input);
  }

  @Roles('PROJECTLEIDER')
  @Mutation(() => Boolean, { description: 'Leg vast wie de facturen van een contract betaalt, de btw-behandeling, de betaaltermijn en het kenmerk van de gemeente.' })
  saveContractInvoiceSetting(@CurrentActor() actor: Actor, @Args('input') input: ContractInvoiceSettingInput): Promise<boolean> {
    return this.service.saveSetting(actor, input);
  }
}
