import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** A municipality's budget for the integration provisions of one calendar year (set by the municipality or its region's projectleider). */
@Entity({ name: 'municipality_budget' })
export class MunicipalityBudgetEntity {
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  /** Euros in integer cents (DOMAIN §9). */
  @Column({ name: 'amount_cents', type: 'bigint' }) amountCents!: string;
  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true }) updatedByUserId!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A region's estimate of how its clients divide over the learning routes, in whole percent adding up to 100 (the plan's 55/25/20). */
@Entity({ name: 'region_route_estimate' })
export class RegionRouteEstimateEntity {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'region_id' }) region?: OrganisationEntity;
  @Column({ name: 'b1_percent', type: 'integer' }) b1Percent!: number;
  @Column({ name: 'z_percent', type: 'integer' }) zPercent!: number;
  @Column({ name: 'onderwijs_percent', type: 'integer' }) onderwijsPercent!: number;
  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true }) updatedByUserId!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
