import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/**
 * A municipality a shared service (uitvoeringsdienst, an organisation of kind SHARED_SERVICE) works for, such as the one
 * service of Leidschendam-Voorburg, Voorschoten and Wassenaar. Its consultants act for one of these municipalities at a
 * time; each client still belongs to one municipality.
 */
@Entity({ name: 'shared_service_municipality' })
export class SharedServiceMunicipalityEntity {
  @PrimaryColumn({ name: 'shared_service_id', type: 'uuid' }) sharedServiceId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'shared_service_id' }) sharedService?: OrganisationEntity;
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
}
