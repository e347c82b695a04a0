// The authorisation matrix's declarations: for every operation of the schema, which id kind each id argument takes.
// An operation in the schema without a declaration here fails the matrix, so a new operation cannot slip in untested.
import type { IdKind } from './authz-ownership';
import type { JsonValue } from './authz-schema';

export interface OperationDeclaration {
  /** Dotted argument path → id kind. The first entry is the record the call is about. */
  ids: Record<string, IdKind>;
  /** Id paths that name another organisation on purpose (move to municipality X): filled from the actor's region. */
  references?: string[];
  /** Plausible values so the call gets past input validation and reaches the access check. */
  overrides?: Record<string, JsonValue>;
  /** login/logout: tested on a session of their own. */
  session?: true;
}

export const MATRIX_ROLES = [
  'anonymous',
  'aanbieder@newbees.demo.nl',
  'aanbieder@sagenn.demo.nl',
  'consulent@arnhem.demo.nl',
  'consulent@zevenaar.demo.nl',
  'consulent@oss.demo.nl',
  'financien@arnhem.demo.nl',
  'projectleider@midden-gelderland.demo.nl',
  'projectleider@noordoost-brabant.demo.nl',
  'beheer@midden-gelderland.demo.nl',
  'docent@newbees.demo.nl',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export const OPERATION_DECLARATIONS: Record<string, OperationDeclaration> = {
  // Queries
  absenceRule: { ids: {} },
  capacityOverview: { ids: { 'filter.lotId': 'lot', 'filter.municipalityId': 'municipality' } },
  client: { ids: { id: 'client' } },
  clientOutcomes: { ids: { clientId: 'client' } },
  clientMapParts: { ids: { clientId: 'client' } },
  mapParts: { ids: {} },
  mySessions: { ids: {} },
  ssoLoginOptions: { ids: {} },
  ssoOrganisations: { ids: {} },
  secondFactorStatus: { ids: {} },
  mapPartParticipants: { ids: {} },
  clientProgress: { ids: { clientId: 'client' } },
  clients: { ids: { 'filter.municipalityId': 'municipality', 'filter.contractId': 'contract', 'filter.lotId': 'lot' }, overrides: { 'filter.intakeStage': 'STARTED' } },
  contract: { ids: { id: 'contract' } },
  contractFigures: { ids: { contractId: 'contract' } },
  contracts: { ids: { lotId: 'lot' } },
  lotFigures: { ids: { lotId: 'lot' } },
  regionFigures: { ids: { municipalityId: 'municipality' } },
  municipalityBudgets: { ids: {}, overrides: { year: 2026 } },
  routeDemand: { ids: {} },
  retentionOverview: { ids: {} },
  retentionRunPage: { ids: {} },
  quarterlyReports: { ids: { lotId: 'lot' } },
  hourEntryHistory: { ids: { placementId: 'placement' }, overrides: { date: '2026-11-23', category: 'LANGUAGE' } },
  hourPeriodClients: { ids: { periodId: 'hourPeriod' } },
  hourPeriodPage: { ids: {} },
  hourWeek: { ids: {}, overrides: { weekStart: '2026-11-23' } },
  importBatch: { ids: { id: 'importBatch' } },
  invoice: { ids: { id: 'invoice' } },
  invoicePage: { ids: { 'filter.contractId': 'contract' }, overrides: { 'filter.month': '2026-10-01' } },
  contractInvoicing: { ids: {} },
  importBatchPage: { ids: {} },
  lot: { ids: { id: 'lot' } },
  lots: { ids: {} },
  me: { ids: {} },
  moveTargetMunicipalities: { ids: {} },
  placementOptions: { ids: { clientId: 'client' } },
  individualPlacementInstitutions: { ids: { clientId: 'client' } },
  instroomklasProviders: { ids: { clientId: 'client' } },
  providerPlacement: { ids: { id: 'placement' } },
  providerPlacementPage: { ids: { 'filter.contractId': 'contract', 'filter.lotId': 'lot', 'filter.municipalityId': 'municipality' }, overrides: { 'filter.intakeStage': 'STARTED' } },
  qualityRequirement: { ids: { id: 'qualityRequirement' } },
  qualityRequirements: { ids: { contractId: 'contract' } },
  qualityReviewPage: { ids: {} },
  regionSetup: { ids: {} },
  signalPage: { ids: {} },
  deadlineSignals: { ids: {} },
  duoMessages: { ids: { clientId: 'client' } },
  refusedDuoMessagePage: { ids: {} },
  duoLink: { ids: { municipalityId: 'municipality' } },
  duoContactPerson: { ids: { clientId: 'client' } },
  presenceGroups: { ids: {} },
  presenceLesson: { ids: { id: 'lesson' } },
  presenceAudit: { ids: { groupId: 'group' }, overrides: { from: '2026-11-01', to: '2026-11-30' } },
  presenceLessons: { ids: {}, overrides: { date: '2026-11-23' } },
  presenceNextLessonDate: { ids: {}, overrides: { after: '2026-11-23' } },
  presenceTeachers: { ids: {} },
  startMoments: { ids: { contractId: 'contract' } },
  administration: { ids: {} },
  managedUsers: { ids: { organisationId: 'userOrganisation' } },
  sentInvitationPage: { ids: {} },
  adminChanges: { ids: {} },
  invitation: { ids: {}, overrides: { token: 'geen-geldige-uitnodiging' } },
  // Mutations
  saveMunicipality: { ids: { 'input.id': 'municipality', 'input.subRegionId': 'subRegion' }, overrides: { 'input.name': 'Matrixgemeente', 'input.cbsCode': 'GM9901', 'input.oin': '00000001234567890123' } },
  saveSubRegion: { ids: { 'input.id': 'subRegion' }, overrides: { 'input.name': 'Matrixsubregio hernoemd' } },
  removeSubRegion: { ids: { 'input.subRegionId': 'subRegion' } },
  saveManagedProvider: { ids: { 'input.id': 'provider' }, overrides: { 'input.name': 'Matrix Taalschool', 'input.kvkNumber': '99887766', 'input.providerKind': 'LANGUAGE_SCHOOL', 'input.hasKeurmerk': false } },
  inviteUser: { ids: { 'input.organisationId': 'userOrganisation' }, overrides: { 'input.email': 'matrix.uitnodiging@example.nl', 'input.displayName': 'Matrix Genodigde', 'input.role': 'TEACHER' } },
  // PROJECTLEIDER fits only a region's account, and nobody may change their own role: the own phase changes nothing.
  changeUserRole: { ids: { 'input.userId': 'appUser' }, overrides: { 'input.role': 'PROJECTLEIDER' } },
  // Reactivating an active account is a no-op: the own phase leaves every account as it was.
  setUserActive: { ids: { 'input.userId': 'appUser' }, overrides: { 'input.active': true } },
  acceptInvitation: { ids: {}, overrides: { 'input.token': 'geen-geldige-uitnodiging', 'input.password': 'Een lang wachtwoord 2026' } },
  withdrawPipAtDuo: { ids: { 'input.clientId': 'client' } },
  setDuoContactPerson: {
    ids: { 'input.clientId': 'client' },
    overrides: { 'input.name': 'Jan de Vries', 'input.email': 'j.devries@arnhem.nl', 'input.phone': '026 377 4911' },
  },
  configureDuoLink: {
    ids: { 'input.municipalityId': 'municipality' },
    overrides: {
      'input.enabled': false, 'input.municipalityOin': '00000001234567890000', 'input.duoOin': '00000001800866472000',
      'input.baseUrl': 'https://duo.example.nl/v1', 'input.certPath': '/etc/duo/cert.pem', 'input.keyPath': '/etc/duo/key.pem',
    },
  },
  acceptPlacement: {
    ids: { 'input.placementId': 'placement', 'input.startMomentId': 'startMoment' },
    overrides: { 'input.location': 'Arnhem', 'input.startDate': '2027-01-11', 'input.groupName': 'Groep A' },
  },
  acknowledgeSignal: { ids: { 'input.signalId': 'signal' } },
  addQualityRequirement: { ids: { 'input.contractId': 'contract' }, overrides: { 'input.firstDueOn': '2027-03-31', 'input.title': 'Tevredenheid', 'input.norm': 'Minstens 7' } },
  approveInvoice: { ids: { 'input.invoiceId': 'invoice' }, overrides: { 'input.version': 2 } },
  applyImport: { ids: { 'input.batchId': 'importBatch' } },
  approveHourPeriod: { ids: { periodId: 'hourPeriod' } },
  copyPreviousHourWeek: { ids: {}, overrides: { 'input.weekStart': '2026-11-23' } },
  closePresenceLesson: { ids: { 'input.lessonId': 'lesson' }, overrides: { 'input.password': 'Inburgering2026!' } },
  correctPresence: {
    ids: { 'input.lessonId': 'lesson', 'input.placementId': 'placement' },
    overrides: { 'input.clientMarkId': '5d0f3c0e-9a51-4a7e-8c55-0f6c3b1b2a01', 'input.kind': 'ARRIVAL', 'input.time': '09:30', 'input.reason': 'Matrixcorrectie', 'input.absenceReason': null },
  },
  createPresenceGroup: {
    ids: { 'input.teacherUserId': 'teacher', 'input.placementIds': 'placement' },
    overrides: { 'input.name': 'Matrixgroep', 'input.location': 'Arnhem', 'input.daypart': 'DAYTIME', 'input.weekdays': [1], 'input.startTime': '09:00', 'input.endTime': '12:00', 'input.from': '2027-01-04', 'input.until': '2027-01-31', 'input.exceptions': [], 'input.category': 'LANGUAGE' },
  },
  issuePresenceCard: { ids: { 'input.placementId': 'placement' } },
  markPresence: {
    ids: { 'input.lessonId': 'lesson', 'input.placementId': 'placement' },
    overrides: { 'input.clientMarkId': '5d0f3c0e-9a51-4a7e-8c55-0f6c3b1b2a01', 'input.kind': 'ABSENT', 'input.absenceReason': 'SICK', 'input.time': null },
  },
  revokePresenceCard: { ids: { 'input.placementId': 'placement' } },
  signInToLesson: {
    ids: { 'input.lessonId': 'lesson' },
    overrides: { 'input.clientMarkId': '5d0f3c0e-9a51-4a7e-8c55-0f6c3b1b2a01', 'input.code': 'ABCDEFGH', 'input.credentialKind': 'CODE', 'input.direction': 'ARRIVAL', 'input.occurredAt': null },
  },
  correctHourEntry: { ids: { 'input.entryId': 'hourEntry' }, overrides: { 'input.plannedMinutes': 180, 'input.attendedMinutes': 120, 'input.reason': 'Verkeerd ingevoerd' } },
  createContract: {
    ids: { 'input.lotId': 'lot', 'input.providerId': 'provider' },
    overrides: { 'input.startDate': '2027-01-01', 'input.endDate': '2027-12-31' },
  },
  createLot: {
    ids: { 'input.municipalityIds': 'municipality', 'input.subRegionId': 'subRegion' },
    overrides: {
      'input.name': 'Matrixperceel',
      'input.expectedVolumePerYear': 10,
      'input.periodStart': '2027-01-01',
      'input.periodEnd': '2028-12-31',
      'input.priceModel': { kind: 'FIXED_PER_TRAJECTORY', priceCents: 1000000 },
    },
  },
  createSubRegion: { ids: { 'input.municipalityIds': 'municipality' }, overrides: { 'input.name': 'Matrixsubregio' } },
  declareStartMoment: {
    ids: { 'input.contractId': 'contract' },
    overrides: { 'input.location': 'Arnhem', 'input.seats': 12, 'input.minutesPerWeek': 600, 'input.lessonDays': [1, 3], 'input.startsOn': '2027-02-01', 'input.daypart': 'DAYTIME' },
  },
  disputeInvoice: { ids: { 'input.invoiceId': 'invoice', 'input.lines.lineId': 'invoiceLine' }, overrides: { 'input.lines.reason': 'Deze uren zijn niet geleverd' } },
  endPlacement: { ids: { 'input.placementId': 'placement' }, overrides: { 'input.endedOn': '2026-11-27', 'input.endReason': 'STOPPED' } },
  generateInvoices: { ids: { 'input.contractId': 'contract' }, overrides: { 'input.month': '2026-10-01' } },
  login: { ids: {}, session: true },
  logout: { ids: {}, session: true },
  logoutEverywhere: { ids: {}, session: true },
  saveSsoConnection: {
    ids: { 'input.organisationId': 'loginOrganisation' },
    // Switched off, so the call needs no identity provider to answer (the SSO spec covers a switched-on connection).
    overrides: { 'input.kind': 'OIDC', 'input.issuerUrl': 'https://login.example.nl', 'input.clientId': 'inburgering', 'input.clientSecret': 'geheim', 'input.emailDomains': ['example.nl'], 'input.emailMatching': 'VERIFIED', 'input.enabled': false },
  },
  // Second factor and password (issue 14): they end or replace sessions, so they run in second-factor.spec.
  startTotpEnrolment: { ids: {}, session: true },
  confirmTotpEnrolment: { ids: {}, session: true },
  verifySecondFactor: { ids: {}, session: true },
  removeTotp: { ids: {}, session: true },
  changePassword: { ids: {}, session: true },
  resetSecondFactor: { ids: { userId: 'appUser' }, session: true },
  regenerateRecoveryCodes: { ids: {} },
  // Passkeys (issue 14): registering or removing one ends the user's sessions, and the login's step needs a session
  // of its own waiting for it; they run in auth-passkey.spec. Starting a registration only keeps a challenge.
  startPasskeyRegistration: { ids: {} },
  finishPasskeyRegistration: { ids: {}, session: true },
  removePasskey: { ids: { 'input.id': 'passkey' }, overrides: { 'input.password': 'Inburgering2026!' }, session: true },
  startPasskeyLogin: { ids: {}, session: true },
  verifyPasskeyLogin: { ids: {}, session: true },
  moveClient: { ids: { 'input.clientId': 'client', 'input.toMunicipalityId': 'municipality' }, references: ['input.toMunicipalityId'], overrides: { 'input.movedOn': '2026-11-27' } },
  requestQuarterlyReport: { ids: { 'input.lotId': 'lot' }, overrides: { 'input.year': 2026, 'input.quarter': 3 } },
  chooseMapParts: { ids: { 'input.clientId': 'client', 'input.mapPartIds': 'mapPart' } },
  completeMapPartChoice: { ids: { 'input.choiceId': 'mapPartChoice' }, overrides: { 'input.completedOn': '2026-11-20' } },
  saveMapPart: {
    ids: { 'input.id': 'mapPart', 'input.providerId': 'provider' },
    references: ['input.providerId'],
    overrides: {
      'input.name': 'Matrixonderdeel', 'input.description': 'Matrixtest', 'input.minutes': 600, 'input.priceCents': 30000,
      'input.themes': ['WERK_VINDEN'], 'input.practical': false, 'input.active': true,
    },
  },
  setMunicipalityBudget: { ids: { 'input.municipalityId': 'municipality' }, overrides: { 'input.year': 2026, 'input.amountCents': 12_500_000 } },
  saveRetentionPolicy: { ids: {}, overrides: { 'input.freeTextYears': 1, 'input.duoExchangeYears': 5, 'input.identityYears': 5, 'input.carryOut': false } },
  setRouteEstimate: { ids: {}, overrides: { 'input.b1Percent': 55, 'input.zPercent': 25, 'input.onderwijsPercent': 20 } },
  recordClientOutcome: { ids: { 'input.clientId': 'client' }, overrides: { 'input.kind': 'WORK', 'input.achievedOn': '2026-11-20' } },
  recordResult: {
    ids: { 'input.clientId': 'client', 'input.placementId': 'placement' },
    overrides: { 'input.kind': 'EXAM', 'input.examPart': 'LEZEN', 'input.level': 'B1', 'input.passed': true, 'input.resultDate': '2026-11-20', 'input.attempt': 1 },
  },
  registerClient: {
    ids: {},
    overrides: { 'input.dateOfBirth': '1990-01-01', 'input.brpRegistrationDate': '2026-06-01', 'input.firstName': 'Matrix', 'input.lastName': 'Test' },
  },
  rejectHourPeriod: { ids: { 'input.periodId': 'hourPeriod' }, overrides: { 'input.reason': 'Uren kloppen niet' } },
  rejectPlacement: { ids: { 'input.placementId': 'placement' }, overrides: { 'input.reason': 'Geen plaats in deze groep' } },
  requestPlacement: {
    ids: { 'input.clientId': 'client', 'input.lotId': 'lot', 'input.providerId': 'provider', 'input.startMomentId': 'startMoment' },
    references: ['input.providerId'],
  },
  requestIndividualPlacement: {
    ids: { 'input.clientId': 'client', 'input.providerId': 'provider' },
    references: ['input.providerId'],
    overrides: { 'input.priceCents': 950000, 'input.startsOn': '2027-01-04', 'input.endsOn': '2027-07-16' },
  },
  placeInInstroomklas: {
    ids: { 'input.clientId': 'client', 'input.providerId': 'provider' },
    references: ['input.providerId'],
    overrides: { 'input.startsOn': '2026-11-02' },
  },
  revealBsn: { ids: { clientId: 'client' } },
  reviewQualityEvidence: { ids: { 'input.evidenceId': 'evidence' }, overrides: { 'input.decision': 'ACCEPTED' } },
  saveAbsenceRule: { ids: {}, overrides: { 'input.lowAttendancePercent': 80, 'input.windowWeeks': 4, 'input.consecutiveUnexcused': 3 } },
  saveContractInvoiceSetting: {
    ids: { 'input.contractId': 'contract', 'input.leadMunicipalityId': 'municipality' },
    references: ['input.leadMunicipalityId'],
    overrides: { 'input.payingPartyMode': 'LEAD_MUNICIPALITY', 'input.vatCategory': 'E', 'input.paymentTermsDays': 30, 'input.buyerReference': 'INK-2026-001' },
  },
  saveHourEntries: {
    ids: { 'input.cells.placementId': 'placement' },
    overrides: { 'input.cells.date': '2026-11-23', 'input.cells.plannedMinutes': 180, 'input.cells.attendedMinutes': 180, 'input.cells.category': 'LANGUAGE' },
  },
  saveProvider: { ids: { 'input.id': 'provider' }, overrides: { 'input.name': 'Matrix Taalschool', 'input.keurmerkNumber': 'BK-0001', 'input.keurmerkValidUntil': '2027-12-31' } },
  setPip: { ids: { 'input.clientId': 'client' }, overrides: { 'input.pipSignedOn': '2026-11-01', 'input.route': 'B1', 'input.level': 'B1', 'input.pipMinutesPerWeek': 600 } },
  startPlacement: { ids: { 'input.placementId': 'placement' } },
  submitHourPeriod: { ids: { 'input.municipalityId': 'municipality' }, references: ['input.municipalityId'], overrides: { 'input.month': '2026-10-01' } },
  submitInvoice: { ids: { 'input.invoiceId': 'invoice' }, overrides: { 'input.providerReference': 'NB-1', 'input.providerNote': 'Matrix' } },
  submitReportEvidence: { ids: { 'input.requirementId': 'qualityRequirement' }, overrides: { 'input.dueOn': '2026-12-31' } },
  submitQualityEvidence: {
    ids: { 'input.requirementId': 'qualityRequirement', 'input.documentId': 'document', 'input.alsoFor': 'qualityRequirement' },
    overrides: { 'input.dueOn': '2026-12-31', 'input.value': '8', 'input.comment': 'Matrixtest' },
  },
  switchRoute: { ids: { 'input.clientId': 'client' }, overrides: { 'input.toRoute': 'B1', 'input.toLevel': 'B1', 'input.reason': 'Leert sneller dan verwacht' } },
  updateClient: { ids: { 'input.clientId': 'client' }, overrides: { 'input.dateOfBirth': '1990-01-01', 'input.brpRegistrationDate': '2026-06-01', 'input.firstName': 'Matrix' } },
  updateContract: { ids: { 'input.contractId': 'contract' }, overrides: { 'input.reason': 'Plafond verhoogd', 'input.ceilingCents': 5000000 } },
  updateStartMoment: { ids: { 'input.startMomentId': 'startMoment' }, overrides: { 'input.seats': 14 } },
  withdrawPlacement: { ids: { 'input.placementId': 'placement' } },
};
