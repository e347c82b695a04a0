import { JOB_NAMES, JobName } from './job-definitions';
import type { JobHandler } from './job-handler';

// Refuse to boot when a job has no handler or two: a job without one would retry forever, two would race.
export function buildJobRegistry(handlers: JobHandler[]): Map<JobName, JobHandler> {
  const registry = new Map<JobName, JobHandler>();
  for (const handler of handlers) {
    if (registry.has(handler.jobName)) throw new Error(`Job "${handler.jobName}" heeft twee handlers.`);
    registry.set(handler.jobName, handler);
  }
  const missing = JOB_NAMES.filter((name) => !registry.has(name));
  if (missing.length > 0) throw new Error(`Geen handler voor job(s): ${missing.join(', ')}.`);
  return registry;
}
