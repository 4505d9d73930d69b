import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface RunAlarmsProps {
  readonly stateMachine: IStateMachine;
  readonly deadLetterQueue: IQueue;
}

/** Tells operations when a nightly run fails or times out, or when a scheduled start was lost. */
export class RunAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, props: RunAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Tuopin alarms', enforceSSL: true });
    const period = Duration.minutes(5);
    const atLeastOnce = {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    };
    this.alarms = [
      new Alarm(this, 'RunFailed', {
        alarmDescription: 'A nightly run failed (villages failed, or a stage failed)',
        metric: props.stateMachine.metricFailed({ period, statistic: 'Sum' }),
        ...atLeastOnce,
      }),
      new Alarm(this, 'RunTimedOut', {
        alarmDescription: 'A nightly run timed out',
        metric: props.stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
        ...atLeastOnce,
      }),
      new Alarm(this, 'StartLost', {
        alarmDescription: 'The scheduler could not start a nightly run; the start is in the dead-letter queue',
        metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        ...atLeastOnce,
      }),
    ];
    for (const alarm of this.alarms) alarm.addAlarmAction(new SnsAction(this.topic));
  }
}
