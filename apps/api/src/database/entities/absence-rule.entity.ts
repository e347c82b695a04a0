import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** A municipality's own absence-signal policy; without a row the defaults of libs/domain apply. */
@Entity({ name: 'absence_rule' })
export class AbsenceRuleEntity {
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  @Column({ name: 'low_attendance_percent', type: 'integer', default: 80 }) lowAttendancePercent!: number;
  @Column({ name: 'window_weeks', type: 'integer', default: 4 }) windowWeeks!: number;
  @Column({ name: 'consecutive_unexcused', type: 'integer', default: 3 }) consecutiveUnexcused!: number;
}
