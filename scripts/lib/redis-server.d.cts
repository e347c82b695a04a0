export interface RunningRedis {
  port: number;
  url: string;
  pid: number | undefined;
  stop(signal?: NodeJS.Signals): Promise<void>;
}
export function hasRedisServer(): boolean;
export const REDIS_MISSING: string;
export function startRedis(dir: string, options?: { port?: number; command?: string }): Promise<RunningRedis>;
