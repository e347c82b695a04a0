import { CreateFoundation1795447532735 } from './1795447532735-CreateFoundation';

// Every migration in order. Migrations import nothing from the application: they are frozen SQL.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ALL_MIGRATIONS: Function[] = [CreateFoundation1795447532735];
