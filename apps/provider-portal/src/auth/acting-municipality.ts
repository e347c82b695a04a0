import { useSyncExternalStore } from 'react';

// A shared service's consultant (uitvoeringsdienst) works for one of its municipalities at a time: the portal sends the
// chosen one with every request (header X-Gemeente) and keeps it per browser tab. Other users never set it.

export const ACTING_MUNICIPALITY_HEADER = 'x-gemeente';
const STORAGE_KEY = 'inburgering-regio:gemeente';

const listeners = new Set<() => void>();
let current: string | null = readStored();

function readStored(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The municipality the next requests act for, or null (the API then uses the service's first municipality). */
export function actingMunicipality(): string | null {
  return current;
}

export function setActingMunicipality(id: string | null): void {
  if (id === current) return;
  current = id;
  try {
    if (id) globalThis.sessionStorage?.setItem(STORAGE_KEY, id);
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // storage unavailable (private mode): the choice lasts until the page is reloaded
  }
  for (const listener of listeners) listener();
}

export function useActingMunicipality(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actingMunicipality,
    actingMunicipality,
  );
}

/** After login or a reload: forget a choice the signed-in user cannot make (another user in this tab, or none served). */
export function keepActingMunicipalityFor(servedIds: readonly string[]): void {
  if (current && !servedIds.includes(current)) setActingMunicipality(null);
}

/** A download link of the API (a plain GET without the header): the chosen municipality as query parameter `gemeente`. */
export function withActingMunicipality(url: string): string {
  return current ? `${url}${url.includes('?') ? '&' : '?'}gemeente=${encodeURIComponent(current)}` : url;
}
