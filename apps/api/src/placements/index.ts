// The public face of placements/: other folders import only what is exported here.
export { PlacementsModule } from './placements.module';
export { PLACEMENT_JOB_HANDLERS, PLACEMENT_RESOLVERS } from './placements.providers';
export { PlacementKindGql } from './placement.types';
