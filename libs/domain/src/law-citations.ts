// Every article the platform cites, in one table: rules and messages refer to a key here and never write a
// citation themselves, so a wrong article is corrected in one place. `text` is the short form shown to users.
// Sources: Wet inburgering 2021 (Stb. 2021, 38), Besluit inburgering 2021, and DUO's business rules for the
// messages a municipality delivers (DUO's published specification, "Het aanleveren van ...").

export interface LawCitation {
  /** The regulation, or DUO's specification for a business rule. */
  source: string;
  /** Article number (for a DUO rule: the message it belongs to). */
  article: string;
  /** Paragraph (lid; for a DUO rule: the group of conditions). */
  paragraph: string;
  /** The citation as shown in messages. */
  text: string;
}

// Checked against the law text / DUO's specification: art. 6, art. 11 lid 1-3, art. 15 and art. 17 lid 3 Wi2021, and the
// DUO "Aanleveren PIP" rules. TO VERIFY (article or paragraph not checked against the official text): OBLIGATION's and
// PIP's paragraph, ROUTE_SWITCH (art. 17 lid 1), MAP (Besluit art. 4) and PVT (Besluit art. 5), Z_ROUTE's paragraph.
const WI = 'Wet inburgering 2021';
const BI = 'Besluit inburgering 2021';
const DUO = 'DUO bedrijfsregels gegevensuitwisseling inburgering';

export const LAW_CITATIONS = {
  /** The obligation: PVT, MAP and the route (art. 6 Wi2021). */
  OBLIGATION: { source: WI, article: '6', paragraph: '1', text: 'art. 6 Wet inburgering 2021' },
  /** The term lasts three years (art. 11 lid 1 Wi2021). */
  INTEGRATION_TERM: { source: WI, article: '11', paragraph: '1', text: 'art. 11 lid 1 Wet inburgering 2021' },
  /** The term starts the day after the date of the PIP (art. 11 lid 2 Wi2021). */
  TERM_START: { source: WI, article: '11', paragraph: '2', text: 'art. 11 lid 2 Wet inburgering 2021' },
  /** A changed or re-established PIP does not move the start of the term (art. 11 lid 3 Wi2021). */
  TERM_START_FIXED: { source: WI, article: '11', paragraph: '3', text: 'art. 11 lid 3 Wet inburgering 2021' },
  /** The PIP: route, support, PVT and MAP (art. 15 Wi2021). */
  PIP: { source: WI, article: '15', paragraph: '1', text: 'art. 15 Wet inburgering 2021' },
  /** Switching the route in the first 18 months, with a written reason. */
  ROUTE_SWITCH: { source: WI, article: '17', paragraph: '1', text: 'art. 17 Wet inburgering 2021' },
  /** Afschalen to A2 on the B1-route after substantial effort (600 hours). */
  A2_AFTER_600_HOURS: { source: WI, article: '17', paragraph: '3', text: 'art. 17 lid 3 Wet inburgering 2021 en Besluit inburgering 2021' },
  /** Z-route: 800 hours course and 800 hours participation. */
  Z_ROUTE: { source: BI, article: '3.14', paragraph: '1', text: 'Besluit inburgering 2021, art. 3.14' },
  /**
   * Z-route: the client may take exam parts at A2 and the KNM exam voluntarily; the route still ends with the eindgesprek.
   * Cited in public sources as art. 3.14 lid 7 Besluit inburgering 2021 as amended (Stb. 2022, 489); DUO's public guidance
   * for Z-route clients agrees ("u mag examens doen, maar het hoeft niet"). TO VERIFY: the paragraph against the official text.
   */
  Z_ROUTE_VOLUNTARY_EXAM: { source: BI, article: '3.14', paragraph: '7', text: 'art. 3.14 lid 7 Besluit inburgering 2021' },
  /** MAP: the themes and the practical activity. */
  MAP: { source: BI, article: '4', paragraph: '1', text: 'Besluit inburgering 2021' },
  /** PVT: at least 12 hours including signing. */
  PVT: { source: BI, article: '5', paragraph: '1', text: 'Besluit inburgering 2021' },
  /** DUO registers a PIP only with a level its message allows (A2, B1) and that fits the route. */
  DUO_PIP_LEVEL: { source: DUO, article: 'Aanleveren PIP', paragraph: 'Niveau', text: 'bedrijfsregel DUO bij aanleveren PIP' },
  /** DUO registers a PIP only with a date not before the obligation, the settling in the municipality, the first or the current PIP. */
  DUO_PIP_DATE: { source: DUO, article: 'Aanleveren PIP', paragraph: 'Datum dagtekening', text: 'bedrijfsregel DUO bij aanleveren PIP' },
  /** An offer is only registered at an institution with the keurmerk (or a taalschakel institution for the Onderwijsroute). */
  DUO_OFFER: { source: DUO, article: 'Aanleveren inburgeringsaanbod', paragraph: 'Instelling', text: 'bedrijfsregel DUO bij aanleveren inburgeringsaanbod' },
  /** MAP and PVT dates lie within the term and not in the future. */
  DUO_MAP_PVT: { source: DUO, article: 'Aanleveren MAP/PVT', paragraph: 'Datum', text: 'bedrijfsregel DUO bij aanleveren MAP/PVT' },
  /** The blameworthiness indication ('verwijtbaar') on MAP and PVT: only when the date lies at or after the term end. */
  DUO_BLAME: { source: DUO, article: 'Aanleveren MAP/PVT', paragraph: 'Verwijtbaar', text: 'bedrijfsregel DUO bij aanleveren MAP/PVT (verwijtbaarheid)' },
  /** DUO accepts messages about a person only from the municipality of the current PIP. */
  DUO_CURRENT_PIP: { source: DUO, article: 'Voorwaarden gegevensuitwisseling', paragraph: 'Actuele PIP', text: 'bedrijfsregel DUO: actuele PIP van uw gemeente' },
  /** Removing a PIP: only before the term is set and before course hours are registered. */
  DUO_PIP_WITHDRAW: { source: DUO, article: 'Verwijderen PIP', paragraph: 'Voorwaarden', text: 'bedrijfsregel DUO bij verwijderen PIP' },
  /** The estimated intensity of the B1-route: only on the B1-route and for asylum migrants. */
  DUO_PIP_INTENSITY: { source: DUO, article: 'Aanleveren PIP', paragraph: 'Geschatte intensiteit B1-route', text: 'bedrijfsregel DUO bij aanleveren PIP' },
  /** The contact person's name, e-mail address and telephone number as DUO's Contactpersoon message defines them. */
  DUO_CONTACT_PERSON: { source: DUO, article: 'Contactpersoon', paragraph: 'Contactpersoongegevens', text: 'berichtspecificatie DUO Contactpersoon' },
} as const satisfies Record<string, LawCitation>;

export type LawCitationKey = keyof typeof LAW_CITATIONS;

/** The short citation of `key`, as shown in a message. */
export function cite(key: LawCitationKey): string {
  return LAW_CITATIONS[key].text;
}
