/** Largest hours file accepted (a year of hours of a large provider fits easily). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
