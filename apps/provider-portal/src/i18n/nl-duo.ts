// Dutch text of the DUO link screens (issue 13); merged into nl.ts.
export const nlDuo = {
  duoMessages: {
    heading: 'DUO-berichten',
    caption: 'Berichten aan DUO over deze inburgeraar',
    empty: 'Er zijn (nog) geen berichten aan DUO voor deze inburgeraar.',
    kind: 'Bericht',
    status: 'Status',
    created: 'Aangemaakt',
    answered: 'Antwoord DUO',
    reasons: 'Toelichting',
    statuses: {
      WAITING: 'Wacht op verzending',
      SENT: 'Verstuurd',
      ACCEPTED: 'Geaccepteerd',
      REFUSED: 'Geweigerd',
      SUPERSEDED: 'Vervangen',
    },
  },
};
