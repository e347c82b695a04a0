import { describe, expect, it } from '@jest/globals';
import { enqueue, flushQueue, readQueue, type QueuedSignIn, type QueueStorage } from './offline-queue';

const memory = (): QueueStorage => {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
};
const item = (id: string): QueuedSignIn => ({ lessonId: 'l', code: 'ABCD2345', credentialKind: 'CODE', clientMarkId: id, occurredAt: '2026-11-30T08:05:00Z' });

describe('the offline sign-in queue', () => {
  it('keeps each sign-in once, even when queued twice', () => {
    const storage = memory();
    enqueue(storage, item('a'));
    enqueue(storage, item('a'));
    enqueue(storage, item('b'));
    expect(readQueue(storage).map((q) => q.clientMarkId)).toEqual(['a', 'b']);
  });

  it('sends in order, drops what was sent or refused, and keeps the rest while still offline', async () => {
    const storage = memory();
    ['a', 'b', 'c'].forEach((id) => enqueue(storage, item(id)));
    const outcomes = { a: { kind: 'sent' }, b: { kind: 'refused', message: 'Deze code is onbekend' }, c: { kind: 'offline' } } as const;
    const result = await flushQueue(storage, async (q) => outcomes[q.clientMarkId as 'a' | 'b' | 'c']);
    expect(result).toEqual({ sent: 1, refused: [{ item: item('b'), message: 'Deze code is onbekend' }], left: 1 });
    expect(readQueue(storage).map((q) => q.clientMarkId)).toEqual(['c']);
  });

  it('reads a damaged queue as empty', () => {
    const storage = memory();
    storage.setItem('presentie.wachtrij.v1', '{niet json');
    expect(readQueue(storage)).toEqual([]);
  });
});
