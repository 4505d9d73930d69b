import { Duration, TimeZone } from 'aws-cdk-lib';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface NightlyScheduleProps {
  readonly stateMachine: IStateMachine;
  /** The IANA time zone of the 02:00 start (the one the plan reads the quarter in). */
  readonly timeZone: string;
  /** Attempts after the first when StartExecution fails (throttling, a deploy in progress). */
  readonly retryAttempts?: number;
}

/**
 * Starts the nightly run at 02:00 local time (Asia/Shanghai for Tuopin). The input carries the scheduled time so
 * the plan derives the quarter from when the run was meant to start, not when a retry got in;
 * starts that still fail land in the dead-letter queue (alarmed).
 */
export class NightlySchedule extends Construct {
  readonly schedule: Schedule;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: NightlyScheduleProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: 'Tuopin nightly scoring of every village',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '2', timeZone: TimeZone.of(props.timeZone) }),
      target: new StepFunctionsStartExecution(props.stateMachine, {
        input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: props.retryAttempts ?? 5,
        maxEventAge: Duration.hours(2),
      }),
    });
  }
}
