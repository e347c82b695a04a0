// The public face of portal/: other folders import only what is exported here.
export { servePortal } from './serve-portal';
