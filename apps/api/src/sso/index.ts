// The public face of sso/: other folders import only what is exported here.
export { SSO_RESOLVERS, SsoModule } from './sso.module';
