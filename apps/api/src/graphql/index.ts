// The public face of graphql/: other folders import only what is exported here.
export { CalendarDateScalar } from './calendar-date.scalar';
export { domainEnum } from './domain-enum';
export { perRequest } from './per-request';
export type { RequestContext } from './request-context';
export { withUuidIds } from './uuid-id';
