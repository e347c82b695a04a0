import { lotSubjectLabel, type LotSubject, type PriceModel } from '@inburgering/domain';
import { PriceModelType } from '../procurement/price-model.types';
import { LotCoverageGql, LotSubjectGql, LotType } from './lot.types';

export interface LotRow {
  id: string;
  region_id: string;
  name: string;
  subject: string;
  period_start: string;
  period_end: string;
  expected_volume_per_year: number;
  max_extension_months: number;
  extension_options: string | null;
  coverage: string;
  sub_region_id: string | null;
  price_model: PriceModel | null;
}

export function toLotType(row: LotRow): LotType {
  return Object.assign(new LotType(), {
    id: row.id,
    name: row.name,
    subject: row.subject as LotSubjectGql,
    subjectLabel: lotSubjectLabel(row.subject as LotSubject),
    regionId: row.region_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    expectedVolumePerYear: row.expected_volume_per_year,
    maxExtensionMonths: row.max_extension_months,
    extensionOptions: row.extension_options,
    coverage: row.coverage as LotCoverageGql,
    subRegionId: row.sub_region_id,
    priceModel: PriceModelType.from(row.price_model),
  });
}
