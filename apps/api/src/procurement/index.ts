// The public face of procurement/: other folders import only what is exported here.
export { ProcurementModule } from './procurement.module';
export { PROCUREMENT_JOB_HANDLERS, PROCUREMENT_RESOLVERS } from './procurement.providers';
export { RequirePortalHeaderGuard } from './require-portal-header.guard';
