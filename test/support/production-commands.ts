// The production build's commands, in one place: the build test runs exactly these, and the deployment test checks
// that the Dockerfile and the Kubernetes manifests use them too.
export const PRODUCTION = {
  /** Build stage of the Dockerfile. */
  build: ['npm', 'run', 'build'],
  /** The migration Job (and the first step of a release). */
  migrate: ['node', 'dist/api/apps/api/src/cli/migrate.js'],
  api: ['node', 'dist/api/apps/api/src/main.js'],
  worker: ['node', 'dist/api/apps/api/src/worker.js'],
} as const;
