export interface RunningPostgres {
  port: number;
  url(database: string): string;
  ensureDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}
export const SHARED_DIR: string;
export function startEmbeddedPostgres(dir: string, options?: { persistent?: boolean; log?: (message: unknown) => void; say?: (message: string) => void }): Promise<RunningPostgres>;
