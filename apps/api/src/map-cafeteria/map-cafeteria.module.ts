import { Module, type Type } from '@nestjs/common';
import { MapCafeteriaResolver } from './map-cafeteria.resolver';
import { MapCafeteriaService } from './map-cafeteria.service';

export const MAP_CAFETERIA_RESOLVERS: Type[] = [MapCafeteriaResolver];

/** MAP parts offered cafeteria-style (Zuid-Limburg/Parkstad: the WSP Parkstad): catalogue, a client's choice, completion, progress. */
@Module({ providers: [MapCafeteriaService, ...MAP_CAFETERIA_RESOLVERS] })
export class MapCafeteriaModule {}
