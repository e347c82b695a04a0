import { nlAdmin } from './nl-admin';
import { nlDuo } from './nl-duo';
import { nlExamParts } from './nl-exam-parts';
import { nlHourFigures } from './nl-hour-figures';
import { nlFigures } from './nl-figures';
import { nlHours } from './nl-hours';
import { nlInvoices } from './nl-invoices';
import { nlMap } from './nl-map';
import { nlRetention } from './nl-retention';
import { nlPlacements } from './nl-placements';
import { nlPresence } from './nl-presence';
import { nlProcurement } from './nl-procurement';
import { nlPlanning, nlRegions } from './nl-regions';
import { nlSso } from './nl-sso';
import { nlSecurity } from './nl-security';

// All Dutch UI text of the portal. Keys are grouped by screen; labels of domain terms come from @inburgering/domain.
export const nl = {
  ...nlHours,
  ...nlInvoices,
  ...nlDuo,
  ...nlPlacements,
  ...nlPresence,
  ...nlProcurement,
  ...nlFigures,
  ...nlExamParts,
  ...nlHourFigures,
  ...nlMap,
  ...nlRetention,
  ...nlRegions,
  ...nlPlanning,
  ...nlSso,
  ...nlSecurity,
  ...nlAdmin,
  app: {
    name: 'Inburgering Regio',
    tagline: 'Samen inkopen en uitvoeren van de Wet inburgering 2021',
    skipLink: 'Naar de inhoud',
    titleSuffix: 'Inburgering Regio',
    footer: 'Inburgering Regio: regionale inkoop en uitvoering van de inburgeringsroutes.',
    loading: 'Bezig met laden…',
  },
  confirm: {
    cancel: 'Annuleren',
  },
  header: {
    userLabel: 'Ingelogd als',
    logout: 'Uitloggen',
    loggingOut: 'Bezig met uitloggen…',
    sessions: 'Mijn sessies',
    security: 'Inloggen en beveiliging',
  },
  accountNav: {
    sessions: 'Mijn sessies',
    security: 'Inloggen en beveiliging',
  },
  sessions: {
    title: 'Mijn sessies',
    intro: 'Hier staan de browsers en apparaten waarop u nu bent ingelogd. Ziet u er een die u niet kent, of bent u een telefoon kwijt? Log dan overal uit en wijzig uw wachtwoord.',
    caption: 'Ingelogde sessies',
    createdAt: 'Ingelogd op',
    expiresAt: 'Verloopt op',
    thisBrowser: 'Deze browser',
    current: 'Deze browser',
    empty: 'Er zijn geen sessies.',
    everywhere: 'Overal uitloggen',
    everywhereQuestion: 'Weet u zeker dat u overal wilt uitloggen, ook in deze browser?',
    everywhereConfirm: 'Ja, overal uitloggen',
  },
  nav: {
    label: 'Hoofdmenu',
    providerLots: 'Mijn percelen',
    clients: 'Inburgeraars',
    regionLots: 'Percelen in de regio',
    groups: {
      contracts: 'Percelen en contracten',
      clients: 'Inburgeraars',
      hours: 'Uren en presentie',
      money: 'Facturen en cijfers',
      more: 'Meer',
      admin: 'Beheer',
    },
  },
  login: {
    title: 'Inloggen',
    intro: 'Log in met het e-mailadres en wachtwoord van uw organisatie.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    submitting: 'Bezig met inloggen…',
    emailRequired: 'Vul uw e-mailadres in.',
    emailInvalid: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.',
    passwordRequired: 'Vul uw wachtwoord in.',
    loggedOut: 'U bent uitgelogd.',
    sessionExpired: 'Uw sessie is verlopen. Log opnieuw in.',
  },
  errors: {
    summaryTitle: 'Er is een probleem',
    network: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    unexpected: 'Er ging iets mis. Probeer het later opnieuw.',
    loadFailed: 'De gegevens konden niet worden geladen.',
    retry: 'Opnieuw proberen',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    text: 'Deze pagina bestaat niet of u heeft er geen toegang toe.',
    home: 'Naar de startpagina',
  },
  pageError: {
    title: 'Er ging iets mis op deze pagina',
    text: 'Deze pagina kon niet worden getoond door een fout in het portaal. Wat u al had opgeslagen, blijft bewaard.',
    next: 'Probeer het opnieuw, of kies een andere pagina in het menu.',
  },
  table: {
    sortAscending: 'oplopend',
    sortDescending: 'aflopend',
    sortedBy: 'Gesorteerd op {{column}}, {{direction}}.',
    sortBy: 'Sorteren op:',
    exportCsv: 'Exporteren naar CSV (Excel)',
    exportXlsx: 'Exporteren naar Excel (XLSX)',
    filter: 'Zoeken in “{{caption}}”',
    filterCount: '{{shown}} van {{total}} rijen',
    noMatches: 'Geen rijen gevonden voor “{{query}}”.',
    empty: 'Geen gegevens gevonden.',
  },
  pagination: {
    label: 'Paginering',
    range: '{{from}}–{{to}} van {{total}}',
    previous: 'Vorige',
    next: 'Volgende',
  },
  deadline: {
    ON_TIME: 'Op tijd',
    DUE_SOON: 'Binnenkort',
    OVERDUE: 'Verlopen',
    MET: 'Gehaald',
    MET_LATE: 'Te laat gehaald',
    notStarted: 'Nog niet gestart',
  },
  lots: {
    providerTitle: 'Mijn percelen',
    providerIntro: 'De percelen waarop {{organisation}} een contract heeft.',
    regionTitle: 'Percelen in de regio',
    regionIntro: 'Alle percelen van {{organisation}}, met de gecontracteerde aanbieders en de gemeenten.',
    caption: 'Percelen ({{count}})',
    exportName: 'percelen',
    name: 'Perceel',
    subject: 'Route of module',
    period: 'Contractperiode',
    until: 't/m',
    municipalities: 'Gemeenten',
    providers: 'Aanbieders',
    expectedVolume: 'Verwacht aantal per jaar',
    empty: 'Er zijn (nog) geen percelen.',
  },
  clients: {
    title: 'Inburgeraars',
    intro: 'De inburgeraars van {{organisation}}, met de termijnen uit het PIP.',
    caption: 'Inburgeraars van {{organisation}}',
    exportName: 'inburgeraars',
    searchLabel: 'Zoek op naam of klantnummer',
    searchSubmit: 'Zoeken',
    searchClear: 'Wis zoekopdracht',
    searchResult: '{{count}} resultaten voor “{{search}}”',
    clientNumber: 'Klantnummer',
    name: 'Naam',
    dateOfBirth: 'Geboortedatum',
    targetGroup: 'Doelgroep',
    route: 'Route',
    level: 'Niveau',
    bsn: 'BSN',
    pipDeadline: 'PIP uiterlijk',
    integrationTerm: 'Einde inburgeringstermijn',
    none: '–',
    empty: 'Geen inburgeraars gevonden.',
  },
} as const;

export type NlResources = typeof nl;
