import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** A lot (perceel) tendered by a region for one route or module. */
@Entity({ name: 'lot' })
export class LotEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'region_id' }) region?: OrganisationEntity;
  @Column({ type: 'text' }) name!: string;
  /** B1, Z, ONDERWIJS, MAP, PVT or KNM. */
  @Column({ type: 'text' }) subject!: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart!: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd!: string;
  @Column({ name: 'expected_volume_per_year', type: 'integer' }) expectedVolumePerYear!: number;
  /** How many months the region may extend the contracts, and in which steps (e.g. "2 x 12 maanden"). */
  @Column({ name: 'max_extension_months', type: 'integer', default: 0 }) maxExtensionMonths!: number;
  @Column({ name: 'extension_options', type: 'text', nullable: true }) extensionOptions!: string | null;
  /** ALL municipalities of the region, a SUB_REGION, or a LIST. */
  @Column({ name: 'coverage', type: 'text', default: 'LIST' }) coverage!: string;
  @Column({ name: 'sub_region_id', type: 'uuid', nullable: true }) subRegionId!: string | null;
  /** The price model (libs/domain PriceModel), validated by checkPriceModel before it is stored. */
  /** Policy: the age band of the clients the lot takes (e.g. 18–30 for an entree/inburgering track); null = no bound. */
  @Column({ name: 'min_age', type: 'integer', nullable: true }) minAge!: number | null;
  @Column({ name: 'max_age', type: 'integer', nullable: true }) maxAge!: number | null;
  @Column({ name: 'price_model', type: 'jsonb', nullable: true }) priceModel!: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'lot_municipality' })
export class LotMunicipalityEntity {
  @PrimaryColumn({ name: 'lot_id', type: 'uuid' }) lotId!: string;
  @ManyToOne(() => LotEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'lot_id' }) lot?: LotEntity;
  @Index() @PrimaryColumn({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
}
