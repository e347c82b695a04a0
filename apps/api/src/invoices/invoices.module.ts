import { Module, type Type } from '@nestjs/common';
import { InvoiceDocumentsService } from './invoice-documents.service';
import { InvoicesController } from './invoices.controller';
import { InvoicesResolver } from './invoices.resolver';
import { InvoicesService } from './invoices.service';

export const INVOICE_RESOLVERS: Type[] = [InvoicesResolver];

/** Invoices and credit notes derived from approved placements, hours and results; approval, disputes, numbering and the ceiling. */
@Module({ controllers: [InvoicesController], providers: [InvoicesService, InvoiceDocumentsService, ...INVOICE_RESOLVERS] })
export class InvoicesModule {}
