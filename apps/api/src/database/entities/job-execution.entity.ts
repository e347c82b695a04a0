import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Marks a job as done, written in the job's own transaction, so a redelivered job is skipped. */
@Entity({ name: 'job_execution' })
export class JobExecutionEntity {
  @PrimaryColumn({ name: 'job_key', type: 'text' }) jobKey!: string;
  @Column({ name: 'job_name', type: 'text' }) jobName!: string;
  @Column({ name: 'finished_at', type: 'timestamptz', default: () => 'now()' }) finishedAt!: Date;
}
