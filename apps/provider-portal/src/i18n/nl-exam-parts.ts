// Dutch text of the exam-part table in the figures and its drill-down (issue 10); merged into nl.ts.
export const nlExamParts = {
  examParts: {
    title: 'Examenonderdelen',
    caption: 'Examenpogingen gehaald en niet gehaald per niveau en onderdeel',
    passedColumn: '{{part}} gehaald',
    failedColumn: '{{part}} niet gehaald',
    empty: 'Geen examenpogingen in deze cijfers.',
    drillDown_one: 'Inburgeraars met een poging {{figure}} bij {{label}} tonen ({{attempts}} poging)',
    drillDown_other: 'Inburgeraars met een poging {{figure}} bij {{label}} tonen ({{attempts}} pogingen)',
    outcomePassed: 'gehaalde',
    outcomeFailed: 'niet gehaalde',
    drillDownNotice: 'Alleen de eigen inburgeraars met een {{outcome}} examenpoging {{part}}{{contract}}{{period}}, een keer per inburgeraar.',
    drillDownPeriod: ', met een uitslag van {{from}} tot en met {{to}}',
    drillDownAttempts_one: 'Het cijfer telt pogingen, geen inburgeraars: 1 poging (een herkansing telt opnieuw).',
    drillDownAttempts_other: 'Het cijfer telt pogingen, geen inburgeraars: {{attempts}} pogingen (een herkansing telt opnieuw).',
  },
};
