import type { Role } from '@inburgering/contracts';

// The invoice pages in the role menu (appended to layout/navigation.ts).
export type InvoiceNavLabelKey = `invoicesNav.${'provider' | 'municipality' | 'region'}`;

export const INVOICE_PAGES: readonly { path: string; labelKey: InvoiceNavLabelKey; roles: readonly Role[] }[] = [
  { path: '/facturen', labelKey: 'invoicesNav.provider', roles: ['PROVIDER_USER'] },
  // A municipality's financial officer sees only this page: the invoices its municipality pays and their export, no client pages.
  { path: '/facturen/beoordelen', labelKey: 'invoicesNav.municipality', roles: ['CONSULTANT', 'FINANCIAL_OFFICER'] },
  { path: '/facturen/contracten', labelKey: 'invoicesNav.region', roles: ['PROJECTLEIDER'] },
];
