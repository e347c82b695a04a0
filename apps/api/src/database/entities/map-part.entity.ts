import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClientEntity } from './client.entity';
import { OrganisationEntity } from './organisation.entity';

/**
 * One part of a region's MAP catalogue (cafetariamodel, beleidsplan Kerkrade §5.3.9): what the offering party (a provider
 * of the region, such as the WSP Parkstad) offers, for how long and at what price, and which MAP themes it treats.
 */
@Entity({ name: 'map_part' })
export class MapPartEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'region_id' }) region?: OrganisationEntity;
  /** The offering party: a provider organisation. */
  @Index() @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_id' }) provider?: OrganisationEntity;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'integer' }) minutes!: number;
  @Column({ name: 'price_cents', type: 'integer' }) priceCents!: number;
  /** MAP themes treated (MAP_THEMES). */
  @Column({ type: 'text', array: true }) themes!: string[];
  /** A practical activity on the labour market (werkervaringsplek, vrijwilligerswerk). */
  @Column({ type: 'boolean', default: false }) practical!: boolean;
  /** Still offered; a part taken out of the catalogue stays with the clients who chose it. */
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A MAP part a client chose (recorded by the consultant), marked completed by the offering party. */
@Entity({ name: 'map_part_choice' })
@Index(['clientId', 'mapPartId'], { unique: true })
@Index(['providerId', 'status'])
export class MapPartChoiceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'client_id' }) client?: ClientEntity;
  @Index() @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  @Index() @Column({ name: 'map_part_id', type: 'uuid' }) mapPartId!: string;
  @ManyToOne(() => MapPartEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'map_part_id' }) mapPart?: MapPartEntity;
  /** The part's offering party, kept on the choice so its list and access rule need no join. */
  @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_id' }) provider?: OrganisationEntity;
  /** CHOSEN or COMPLETED (MAP_PART_CHOICE_STATUSES). */
  @Column({ type: 'text', default: 'CHOSEN' }) status!: string;
  @Column({ name: 'chosen_on', type: 'date' }) chosenOn!: string;
  @Column({ name: 'chosen_by_user_id', type: 'uuid', nullable: true }) chosenByUserId!: string | null;
  @Column({ name: 'completed_on', type: 'date', nullable: true }) completedOn!: string | null;
  @Column({ name: 'completed_by_user_id', type: 'uuid', nullable: true }) completedByUserId!: string | null;
  /** The submission that recorded it (one key for the parts chosen together): sending it again records nothing twice. */
  @Index() @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
