import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const handles = (globalThis as { __irHandles?: { stopPostgres?: () => Promise<void>; stopRedis?: () => Promise<void> } }).__irHandles ?? {};
  await handles.stopRedis?.();
  await handles.stopPostgres?.();
  if (process.env.IR_TEST_TMP) rmSync(process.env.IR_TEST_TMP, { recursive: true, force: true });
}
