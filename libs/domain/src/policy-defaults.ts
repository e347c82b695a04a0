// Default values of municipal/regional POLICY numbers. Every rule that uses one takes it as a
// parameter, so a municipality or lot can configure its own value; these are only the defaults.

/** A deadline counts as "due soon" this many days before it. */
export const DEFAULT_DUE_SOON_DAYS = 14;

/** Attendance below this percentage over the window raises a signal. */
export const DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT = 80;

/** Number of ISO weeks over which attendance is averaged. */
export const DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS = 4;

/** This many unexcused absences in a row raise a signal. */
export const DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT = 3;

/** Warn this many days before a Blik op Werk keurmerk expires. */
export const DEFAULT_KEURMERK_WARNING_DAYS = 60;

/** Counts below this are not shown in regional reports (privacy, small groups). */
export const DEFAULT_MIN_REPORTABLE_COUNT = 5;

/** KPI: client started a route within this many months of housing (Overbetuwe). */
export const DEFAULT_START_WITHIN_MONTHS = 3;

/** KPI targets in percent seen in the seeds (Overbetuwe); configurable per region. */
export const DEFAULT_KPI_TARGETS_PERCENT = {
  startedWithinThreeMonthsOfHousing: 90,
  passedWithinThreeYears: 80,
  participatingWithinThreeYears: 80,
  statusHoldersOnBenefitToWorkOrStudyWithinTwoYears: 40,
} as const;

/** Largest evidence document a provider may upload (a scanned report or a photo of a certificate). */
export const DEFAULT_MAX_EVIDENCE_DOCUMENT_BYTES = 10 * 1024 * 1024;
