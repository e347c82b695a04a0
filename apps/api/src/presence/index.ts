// The public face of presence/: other folders import only what is exported here.
export { newPresenceCode } from './presence-groups.service';
export { PRESENCE_RESOLVERS, PresenceModule } from './presence.module';
export { hashPresenceCode } from './presence.service';
