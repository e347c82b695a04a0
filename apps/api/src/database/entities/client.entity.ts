import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** A client (inburgeraar) of one municipality. The BSN is stored encrypted plus a keyed hash for uniqueness. */
@Entity({ name: 'client' })
@Index(['municipalityId', 'clientNumber'], { unique: true })
@Index(['municipalityId', 'bsnHash'], { unique: true })
export class ClientEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  /** Human-readable number per municipality that providers may use. */
  @Column({ name: 'client_number', type: 'integer' }) clientNumber!: number;
  @Column({ name: 'bsn_encrypted', type: 'text' }) bsnEncrypted!: string;
  @Column({ name: 'bsn_hash', type: 'text' }) bsnHash!: string;
  @Column({ name: 'first_name', type: 'text' }) firstName!: string;
  @Column({ name: 'last_name', type: 'text' }) lastName!: string;
  @Column({ name: 'date_of_birth', type: 'date' }) dateOfBirth!: string;
  @Column({ name: 'target_group', type: 'text' }) targetGroup!: string;
  @Column({ name: 'brp_registration_date', type: 'date' }) brpRegistrationDate!: string;
  @Column({ name: 'pip_signed_on', type: 'date', nullable: true }) pipSignedOn!: string | null;
  @Column({ type: 'text', nullable: true }) route!: string | null;
  @Column({ type: 'text', nullable: true }) level!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
