// The public face of organisations/: other folders import only what is exported here.
export { OrganisationKindGql, OrganisationType } from './organisation.types';
