import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** A named group of municipalities inside a region, such as the Liemers. */
@Entity({ name: 'sub_region' })
export class SubRegionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'region_id' }) region?: OrganisationEntity;
  @Column({ type: 'text' }) name!: string;
}

@Entity({ name: 'sub_region_municipality' })
export class SubRegionMunicipalityEntity {
  @PrimaryColumn({ name: 'sub_region_id', type: 'uuid' }) subRegionId!: string;
  @ManyToOne(() => SubRegionEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'sub_region_id' }) subRegion?: SubRegionEntity;
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
}
