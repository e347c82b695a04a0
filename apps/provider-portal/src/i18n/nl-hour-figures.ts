// Dutch text of the table of hours against the norms in the figures (issue 10); merged into nl.ts.
export const nlHourFigures = {
  hourFigures: {
    title: 'Uren tegen de normen',
    caption: 'Geplande en gevolgde uren, per inburgeraar, tegen de urennorm van de route en tegen de uren van het PIP',
    planned: 'Geplande uren',
    attended: 'Gevolgde uren',
    perClient: 'Gevolgde uren per inburgeraar',
    routeNorm: 'Deel van de urennorm van de route',
    pip: 'Deel van de uren volgens het PIP',
    explanation: 'De urennorm is 600 uur voor de B1-route (de drempel voor examen op A2), 800 cursusuren voor de Z-route en 1.000 uur voor de onderwijsroute. De uren volgens het PIP zijn de uren per week uit het PIP maal de hele weken dat de plaatsing liep, tot vandaag; alleen plaatsingen waarvan het PIP uren per week noemt tellen daarin mee.',
  },
};
