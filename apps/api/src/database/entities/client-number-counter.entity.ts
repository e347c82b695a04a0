import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/**
 * The last client number a municipality handed out. It only goes up: a number stays used after its client moved
 * away or was removed, so a provider's "klantnummer" never points at another person later.
 */
@Entity({ name: 'client_number_counter' })
export class ClientNumberCounterEntity {
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  @Column({ name: 'last_number', type: 'integer' }) lastNumber!: number;
}
