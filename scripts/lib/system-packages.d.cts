export interface SystemNeed {
  command: string;
  aptPackage: string;
  why: string;
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
export const REDIS: SystemNeed;
export function chromium(env?: NodeJS.ProcessEnv): SystemNeed;
