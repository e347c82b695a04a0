// The public face of map-cafeteria/: other folders import only what is exported here.
export { MAP_CAFETERIA_RESOLVERS, MapCafeteriaModule } from './map-cafeteria.module';
