/** Today as YYYY-MM-DD on the device's clock (the teacher's classroom). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A new id for a line made on this device (crypto.randomUUID needs a secure context: https or localhost). */
export function newMarkId(): string {
  return crypto.randomUUID();
}
