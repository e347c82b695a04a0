// The public face of lots/: other folders import only what is exported here.
export { LotSubjectGql } from './lot.types';
export { LOT_RESOLVERS, LotsModule } from './lots.module';
export { visibleLotsQuery } from './lots.repository';
export { PriceModelInput, PriceModelType, toPriceModel } from './price-model.types';
