import type { ReactElement } from 'react';
import { ContractInvoicingPage } from './ContractInvoicingPage';
import { InvoicesPage } from './InvoicesPage';

/** The page component behind each path of INVOICE_PAGES. */
export const INVOICE_PAGE_ELEMENTS: Record<string, ReactElement> = {
  '/facturen': <InvoicesPage variant="provider" />,
  '/facturen/beoordelen': <InvoicesPage variant="municipality" />,
  '/facturen/contracten': <ContractInvoicingPage />,
};
