import { rmSync } from 'node:fs';
import { personalDataIn, readServerLog } from './server-log';

export default async function globalTeardown(): Promise<void> {
  const handles = (globalThis as { __irHandles?: { stopPostgres?: () => Promise<void>; stopRedis?: () => Promise<void> } }).__irHandles ?? {};
  await handles.stopRedis?.();
  await handles.stopPostgres?.();
  // No log line of the whole run may hold a BSN or a client's name (issue #8, #5).
  const hits = process.env.LOG_FILE ? personalDataIn(readServerLog()) : [];
  if (process.env.IR_TEST_TMP) rmSync(process.env.IR_TEST_TMP, { recursive: true, force: true });
  if (hits.length > 0) {
    const summary = hits.slice(0, 20).map((hit) => `  regel ${hit.line}: ${hit.kind} ${hit.what}`).join('\n');
    throw new Error(`Het serverlog van deze testrun bevat persoonsgegevens (${hits.length} vondsten):\n${summary}`);
  }
}
