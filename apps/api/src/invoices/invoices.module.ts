import { Module, type Type } from '@nestjs/common';
import { InvoicesResolver } from './invoices.resolver';
import { InvoicesService } from './invoices.service';

export const INVOICE_RESOLVERS: Type[] = [InvoicesResolver];

/** Invoices and credit notes derived from approved placements, hours and results; approval, disputes, numbering and the ceiling. */
@Module({ providers: [InvoicesService, ...INVOICE_RESOLVERS] })
export class InvoicesModule {}
