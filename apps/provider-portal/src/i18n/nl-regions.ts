// Dutch text of the shared service of Leidschendam-Voorburg, Voorschoten and Wassenaar (issue 15); merged into nl.ts.
export const nlRegions = {
  sharedService: {
    actingFor: 'Werkt voor',
    municipality: 'Gemeente',
    allMunicipalities: 'Alle gemeenten',
    registerFor: 'Gemeente van de inburgeraar',
    registerForHint: 'De inburgeraar hoort bij deze gemeente; de uitvoeringsdienst werkt voor deze gemeente bij het registreren.',
  },
};
