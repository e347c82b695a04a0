import * as argon2 from 'argon2';

/**
 * One argon2 computation at a time per process. Each takes the library's 64 MiB for its run; without a cap a burst of
 * logins runs one per libuv thread (4 by default, 256 MiB) and starves file and DNS work of the same pool. One already
 * keeps 1.5 cores busy (its 4 lanes run in threads: 410 ms CPU in 270 ms here): two at once gave 20% more logins per
 * second on 2 cores for 128 MiB, which took the API to 340 MB when 40 users logged in together (issue 9: ≤ 300 MB).
 * The others wait their turn in arrival order.
 */
const MAX_CONCURRENT = 1;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

// argon2id with the library's defaults (OWASP-recommended memory and time cost).
export function hashPassword(password: string): Promise<string> {
  return limited(() => argon2.hash(password, { type: argon2.argon2id }));
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await limited(() => argon2.verify(hash, password));
  } catch {
    return false;
  }
}
