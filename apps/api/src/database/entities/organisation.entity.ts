import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OrganisationKind = 'REGION' | 'MUNICIPALITY' | 'PROVIDER' | 'SHARED_SERVICE';

/** A region (arbeidsmarktregio), a municipality (with CBS code), a provider (with KvK number) or a shared service of municipalities. */
@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: OrganisationKind;
  @Column({ type: 'text' }) name!: string;
  /** Municipalities and shared services: the region they belong to. */
  @Index() @Column({ name: 'region_id', type: 'uuid', nullable: true }) regionId!: string | null;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'region_id' }) region?: OrganisationEntity;
  @Index({ unique: true, where: 'cbs_code IS NOT NULL' }) @Column({ name: 'cbs_code', type: 'text', nullable: true }) cbsCode!: string | null;
  @Column({ name: 'kvk_number', type: 'text', nullable: true }) kvkNumber!: string | null;
  /** Municipalities: the Organisatie-identificatienummer (OIN, 20 digits) from the Logius register. */
  @Column({ type: 'text', nullable: true }) oin!: string | null;
  /** Providers: LANGUAGE_SCHOOL, EDUCATION_INSTITUTION or OTHER_PARTNER. */
  @Column({ name: 'provider_kind', type: 'text', nullable: true }) providerKind!: string | null;
  /** Providers: Blik op Werk keurmerk Inburgeren, required for B1 and Z contracts. */
  @Column({ name: 'keurmerk_number', type: 'text', nullable: true }) keurmerkNumber!: string | null;
  @Column({ name: 'keurmerk_valid_until', type: 'date', nullable: true }) keurmerkValidUntil!: string | null;
  @Column({ name: 'duo_institution_number', type: 'text', nullable: true }) duoInstitutionNumber!: string | null;
  /** Providers: recognised taalschakel institution, required for the Onderwijsroute. */
  @Column({ name: 'is_taalschakel_institution', type: 'boolean', default: false }) isTaalschakelInstitution!: boolean;
  /** Providers: the region that registered it; it may manage the provider until another region contracts it. */
  @Column({ name: 'created_by_region_id', type: 'uuid', nullable: true }) createdByRegionId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
