// The four reference regions of the domain brief (§8) with their real municipalities and CBS codes.
// Providers named in the policy documents keep their names; where none is named the provider is marked fictief.

export interface DemoProvider {
  key: string;
  name: string;
  kvkNumber: string;
  kind: 'LANGUAGE_SCHOOL' | 'EDUCATION_INSTITUTION' | 'OTHER_PARTNER';
  /** Blik op Werk keurmerk Inburgeren (made-up numbers), valid for this many days from today; none for a non-language partner. */
  keurmerkValidDays?: number;
  taalschakel?: boolean;
  /** Where its lessons take place, per region key. */
  locations?: Record<string, string>;
  /** A partner without lessons (the WSP Parkstad's MAP parts): no teacher account. */
  noTeachers?: boolean;
}

export interface DemoLot {
  name: string;
  subject: 'B1' | 'Z' | 'ONDERWIJS' | 'MAP' | 'PVT' | 'KNM';
  /** CBS codes covered; 'ALL' for the whole region. */
  municipalities: 'ALL' | string[];
  providers: string[];
  expectedVolumePerYear: number;
  /** Policy: the age band of the lot's clients (years, inclusive). */
  minAge?: number;
  maxAge?: number;
}

export interface DemoRegion {
  key: string;
  name: string;
  municipalities: { cbsCode: string; name: string; demoClients: number }[];
  subRegions: { name: string; municipalities: string[] }[];
  lots: DemoLot[];
}

export const DEMO_PROVIDERS: DemoProvider[] = [
  { key: 'han', name: 'HAN Hogeschool van Arnhem en Nijmegen', kvkNumber: '41055629', kind: 'EDUCATION_INSTITUTION', keurmerkValidDays: 700, taalschakel: true, locations: { 'midden-gelderland': 'Arnhem, Ruitenberglaan' } },
  { key: 'newbees', name: 'New Bees', kvkNumber: '65254767', kind: 'LANGUAGE_SCHOOL', keurmerkValidDays: 420, locations: { 'midden-gelderland': 'Arnhem, Velperweg' } },
  { key: 'sagenn', name: 'Sagenn', kvkNumber: '09115430', kind: 'LANGUAGE_SCHOOL', keurmerkValidDays: 45, locations: { 'midden-gelderland': 'Zevenaar, Hunneveldweg' } },
  { key: 'vwn', name: 'VluchtelingenWerk Oost Nederland', kvkNumber: '41040458', kind: 'OTHER_PARTNER', locations: { 'midden-gelderland': 'Arnhem, Bakenbergseweg' } },
  { key: 'leijgraaf', name: 'ROC De Leijgraaf', kvkNumber: '41082796', kind: 'EDUCATION_INSTITUTION', keurmerkValidDays: 540, taalschakel: true, locations: { 'noordoost-brabant': 'Oss, Kruisstraat' } },
  { key: 'parkstadtaal', name: 'Taalcentrum Parkstad (fictief)', kvkNumber: '90000001', kind: 'LANGUAGE_SCHOOL', keurmerkValidDays: 300, locations: { 'zuid-limburg': 'Heerlen, Akerstraat' } },
  { key: 'kustaal', name: 'Taalpunt Duin en Bollen (fictief)', kvkNumber: '90000002', kind: 'LANGUAGE_SCHOOL', keurmerkValidDays: 365, locations: { lvw: 'Leidschendam, Damplein' } },
  // Werkgeversservicepunt Parkstad: offers MAP parts cafeteria-style to Kerkrade's clients (beleidsplan Kerkrade §5.3.9).
  { key: 'wspparkstad', name: 'WSP Parkstad', kvkNumber: '90000003', kind: 'OTHER_PARTNER', noTeachers: true },
];

export const DEMO_REGIONS: DemoRegion[] = [
  {
    key: 'midden-gelderland',
    name: 'Arbeidsmarktregio Midden-Gelderland',
    municipalities: [
      { cbsCode: 'GM0202', name: 'Arnhem', demoClients: 90 },
      { cbsCode: 'GM0221', name: 'Doesburg', demoClients: 8 },
      { cbsCode: 'GM0226', name: 'Duiven', demoClients: 14 },
      { cbsCode: 'GM1705', name: 'Lingewaard', demoClients: 16 },
      { cbsCode: 'GM1734', name: 'Overbetuwe', demoClients: 22 },
      { cbsCode: 'GM0275', name: 'Rheden', demoClients: 18 },
      { cbsCode: 'GM0277', name: 'Rozendaal', demoClients: 3 },
      { cbsCode: 'GM0293', name: 'Westervoort', demoClients: 9 },
      { cbsCode: 'GM0299', name: 'Zevenaar', demoClients: 20 },
    ],
    subRegions: [{ name: 'De Liemers', municipalities: ['GM0226', 'GM0293', 'GM0299'] }],
    lots: [
      { name: 'B1-route Midden-Gelderland', subject: 'B1', municipalities: ['GM0202', 'GM0221', 'GM1705', 'GM1734', 'GM0275', 'GM0277'], providers: ['newbees', 'sagenn'], expectedVolumePerYear: 180 },
      { name: 'B1-route Liemerse kavel', subject: 'B1', municipalities: ['GM0226', 'GM0293', 'GM0299'], providers: ['sagenn'], expectedVolumePerYear: 45 },
      { name: 'Z-route Midden-Gelderland', subject: 'Z', municipalities: 'ALL', providers: ['newbees'], expectedVolumePerYear: 60 },
      { name: 'Onderwijsroute Midden-Gelderland', subject: 'ONDERWIJS', municipalities: 'ALL', providers: ['han'], expectedVolumePerYear: 50 },
      { name: 'Participatieverklaringstraject (PVT)', subject: 'PVT', municipalities: 'ALL', providers: ['vwn'], expectedVolumePerYear: 250 },
    ],
  },
  {
    key: 'noordoost-brabant',
    name: 'Arbeidsmarktregio Noordoost-Brabant',
    municipalities: [
      { cbsCode: 'GM0828', name: 'Oss', demoClients: 40 },
      { cbsCode: 'GM1991', name: 'Maashorst', demoClients: 18 },
      { cbsCode: 'GM1982', name: 'Land van Cuijk', demoClients: 22 },
      { cbsCode: 'GM1721', name: 'Bernheze', demoClients: 9 },
      { cbsCode: 'GM0755', name: 'Boekel', demoClients: 4 },
    ],
    subRegions: [],
    lots: [
      { name: 'B1-route Noordoost-Brabant', subject: 'B1', municipalities: 'ALL', providers: ['leijgraaf'], expectedVolumePerYear: 90 },
      { name: 'Z-route Noordoost-Brabant', subject: 'Z', municipalities: 'ALL', providers: ['leijgraaf'], expectedVolumePerYear: 35 },
      { name: 'Onderwijsroute Noordoost-Brabant (entree/inburgering 18-30)', subject: 'ONDERWIJS', municipalities: 'ALL', providers: ['leijgraaf'], expectedVolumePerYear: 25, minAge: 18, maxAge: 30 },
    ],
  },
  {
    key: 'zuid-limburg',
    name: 'Arbeidsmarktregio Zuid-Limburg',
    municipalities: [
      { cbsCode: 'GM0928', name: 'Kerkrade', demoClients: 25 },
      { cbsCode: 'GM0917', name: 'Heerlen', demoClients: 35 },
      { cbsCode: 'GM0882', name: 'Landgraaf', demoClients: 12 },
      { cbsCode: 'GM0899', name: 'Brunssum', demoClients: 12 },
      { cbsCode: 'GM0965', name: 'Simpelveld', demoClients: 4 },
      { cbsCode: 'GM0986', name: 'Voerendaal', demoClients: 4 },
      { cbsCode: 'GM1954', name: 'Beekdaelen', demoClients: 7 },
      { cbsCode: 'GM0935', name: 'Maastricht', demoClients: 45 },
    ],
    subRegions: [{ name: 'Parkstad Limburg', municipalities: ['GM0928', 'GM0917', 'GM0882', 'GM0899', 'GM0965', 'GM0986', 'GM1954'] }],
    lots: [
      { name: 'B1-route Zuid-Limburg', subject: 'B1', municipalities: 'ALL', providers: ['parkstadtaal'], expectedVolumePerYear: 150 },
      { name: 'Z-route Zuid-Limburg', subject: 'Z', municipalities: 'ALL', providers: ['parkstadtaal'], expectedVolumePerYear: 50 },
    ],
  },
  {
    key: 'lvw',
    name: 'Leidschendam-Voorburg, Voorschoten en Wassenaar',
    municipalities: [
      { cbsCode: 'GM1916', name: 'Leidschendam-Voorburg', demoClients: 30 },
      { cbsCode: 'GM0626', name: 'Voorschoten', demoClients: 10 },
      { cbsCode: 'GM0629', name: 'Wassenaar', demoClients: 10 },
    ],
    subRegions: [],
    lots: [
      { name: 'B1-route LVW', subject: 'B1', municipalities: 'ALL', providers: ['kustaal'], expectedVolumePerYear: 30 },
      { name: 'Z-route LVW', subject: 'Z', municipalities: 'ALL', providers: ['kustaal'], expectedVolumePerYear: 14 },
    ],
  },
];

/** Lots and contracts of the demo run from two years back to the end of next year, whatever day the demo starts. */
export function demoContractPeriod(today: string): { start: string; end: string } {
  const year = Number(today.slice(0, 4));
  return { start: `${year - 2}-01-01`, end: `${year + 1}-12-31` };
}

export const DEMO_PASSWORD = 'Inburgering2026!';
