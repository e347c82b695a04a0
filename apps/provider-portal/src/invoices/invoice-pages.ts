import type { Role } from '@inburgering/contracts';

// The invoice pages in the role menu (appended to layout/navigation.ts).
export type InvoiceNavLabelKey = `invoicesNav.${'provider' | 'municipality' | 'region'}`;

export const INVOICE_PAGES: readonly { path: string; labelKey: InvoiceNavLabelKey; roles: readonly Role[] }[] = [
  { path: '/facturen', labelKey: 'invoicesNav.provider', roles: ['PROVIDER_USER'] },
  { path: '/facturen/beoordelen', labelKey: 'invoicesNav.municipality', roles: ['CONSULTANT'] },
  { path: '/facturen/contracten', labelKey: 'invoicesNav.region', roles: ['PROJECTLEIDER'] },
];
