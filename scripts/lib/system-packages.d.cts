export interface SystemNeed {
  command: string;
  aptPackage: string;
  why: string;
  /** Overrides the PATH look-up of `command` (e.g. a versioned folder). */
  present?: () => string | null;
}
export type RunCommand = (command: string, args: string[], options?: { quiet?: boolean }) => number;
export interface EnsureOptions {
  say?: (line: string) => void;
  run?: RunCommand;
  find?: (command: string) => string | null;
  uid?: number;
}
export type EnsureResult = { ok: true; installed: string[] } | { ok: false; message: string };
export function ensureSystemPackages(needs: SystemNeed[], options?: EnsureOptions): EnsureResult;
export function findExecutable(command: string, env?: NodeJS.ProcessEnv): string | null;
export function installPrefix(options?: { uid?: number; run?: RunCommand; find?: (command: string) => string | null }): string[] | null;
export function manualCommand(packages: string[]): string;
export function systemPostgresBin(base?: string): string | null;
export const REDIS: SystemNeed;
export const POSTGRES_TOOLS: SystemNeed;
export function chromium(env?: NodeJS.ProcessEnv): SystemNeed;
