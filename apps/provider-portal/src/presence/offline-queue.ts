// Sign-ins made while the classroom connection is down: kept in localStorage and sent again when it returns. Each carries
// the id the device made (clientMarkId), so a sign-in sent twice is stored once by the API: no loss, no duplicates.

export interface QueuedSignIn {
  lessonId: string;
  code: string;
  credentialKind: 'CODE' | 'QR';
  clientMarkId: string;
  /** When the student signed in on the device (ISO), so the list shows the real arrival time. */
  occurredAt: string;
}

/** The storage the queue lives in (localStorage in the browser; a map in unit tests). */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const QUEUE_KEY = 'presentie.wachtrij.v1';

export function readQueue(storage: QueueStorage): QueuedSignIn[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(QUEUE_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as QueuedSignIn[]).filter((item) => item && typeof item.clientMarkId === 'string') : [];
  } catch {
    return [];
  }
}

export function enqueue(storage: QueueStorage, item: QueuedSignIn): QueuedSignIn[] {
  const queue = readQueue(storage).filter((q) => q.clientMarkId !== item.clientMarkId);
  const next = [...queue, item];
  storage.setItem(QUEUE_KEY, JSON.stringify(next));
  return next;
}

export function remove(storage: QueueStorage, clientMarkId: string): QueuedSignIn[] {
  const next = readQueue(storage).filter((q) => q.clientMarkId !== clientMarkId);
  storage.setItem(QUEUE_KEY, JSON.stringify(next));
  return next;
}

/** The outcome of sending one queued sign-in: sent (or refused for good: then it is reported and dropped), or still offline. */
export type SendOutcome = { kind: 'sent' } | { kind: 'refused'; message: string } | { kind: 'offline' };

/**
 * Sends the queue in order, one at a time; stops at the first network failure (the rest waits for the next reconnect).
 * Returns the refusals so the teacher can see which sign-in was not accepted and why.
 */
export async function flushQueue(storage: QueueStorage, send: (item: QueuedSignIn) => Promise<SendOutcome>): Promise<{ sent: number; refused: { item: QueuedSignIn; message: string }[]; left: number }> {
  let sent = 0;
  const refused: { item: QueuedSignIn; message: string }[] = [];
  for (const item of readQueue(storage)) {
    const outcome = await send(item);
    if (outcome.kind === 'offline') break;
    remove(storage, item.clientMarkId);
    if (outcome.kind === 'sent') sent++;
    else refused.push({ item, message: outcome.message });
  }
  return { sent, refused, left: readQueue(storage).length };
}
