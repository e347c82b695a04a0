// The public face of invoices/: other folders import only what is exported here.
export { INVOICE_RESOLVERS, InvoicesModule } from './invoices.module';
export { generateInvoiceProposals } from './invoice-generation';
export { lastInvoicedLineDate } from './invoice-sources';
