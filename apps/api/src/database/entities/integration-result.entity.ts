import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClientEntity } from './client.entity';

/** A result: KNM, MAP, PVT, an exam part, the Onderwijsroute's taalschakel result or the Z-route eindgesprek. */
@Entity({ name: 'integration_result' })
export class IntegrationResultEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'client_id' }) client?: ClientEntity;
  @Column({ name: 'placement_id', type: 'uuid', nullable: true }) placementId!: string | null;
  @Index() @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  /** The provider that reported it, if any. */
  @Index() @Column({ name: 'provider_id', type: 'uuid', nullable: true }) providerId!: string | null;
  /** KNM, MAP, PVT, EXAM, TAALSCHAKEL or Z_COMPLETION. */
  @Column({ type: 'text' }) kind!: string;
  /** Exams: LEZEN, LUISTEREN, SCHRIJVEN, SPREKEN or KNM. */
  @Column({ name: 'exam_part', type: 'text', nullable: true }) examPart!: string | null;
  @Column({ type: 'text', nullable: true }) level!: string | null;
  @Column({ type: 'integer', nullable: true }) attempt!: number | null;
  @Column({ type: 'boolean', nullable: true }) passed!: boolean | null;
  @Column({ name: 'result_date', type: 'date' }) resultDate!: string;
  /** Module details: MAP themes and practical activity minutes, PVT minutes and excursion, eindgesprek date. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) details!: Record<string, unknown>;
  @Index({ unique: true }) @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true }) recordedByUserId!: string | null;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
