import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from './dossier-function.js';

export interface MonitoredFunction {
  /** Short label in alarm names and the dashboard. */
  readonly label: string;
  readonly function: lambda.IFunction;
}

export interface MonitoredQueue {
  readonly label: string;
  readonly queue: sqs.IQueue;
  /** Its dead-letter queue. */
  readonly deadLetterQueue: sqs.IQueue;
}

export interface ObservabilityProps {
  readonly functions: readonly MonitoredFunction[];
  readonly queues: readonly MonitoredQueue[];
  /**
   * Key of the alarm topic (CloudWatch is allowed to use it). Ignored with `alarmTopic`.
   * @default an AWS-managed SNS key cannot be used by CloudWatch, so this is required unless `alarmTopic` is given
   */
  readonly topicKey?: kms.IKey;
  /**
   * Where alarms are sent.
   * @default a new topic encrypted with `topicKey`
   */
  readonly alarmTopic?: sns.ITopic;
  /**
   * Address subscribed to the alarm topic.
   * @default none
   */
  readonly alarmEmail?: string;
  /**
   * Age of the oldest waiting upload that counts as a stuck pipeline.
   * @default Duration.hours(1)
   */
  readonly maxQueueAge?: Duration;
  /** @default 'guarantee-dossier' */
  readonly dashboardName?: string;
}

/**
 * Alarms on what needs a person (anything in a dead-letter queue, function errors and throttles,
 * a backlog that does not drain) and one dashboard of the pipeline.
 */
export class Observability extends Construct {
  readonly alarmTopic: sns.ITopic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.alarmTopic = props.alarmTopic ?? this.createTopic(props.topicKey);
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const notify = new actions.SnsAction(this.alarmTopic);
    const alarm = (alarmId: string, a: cloudwatch.AlarmProps) => {
      const created = new cloudwatch.Alarm(this, alarmId, { treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...a });
      created.addAlarmAction(notify);
      this.alarms.push(created);
      return created;
    };

    for (const q of props.queues) {
      alarm(`${q.label}DeadLetters`, {
        alarmDescription: `Uploads that failed processing ${q.label === 'Uploads' ? '' : `(${q.label}) `}are waiting in the dead-letter queue; each one is an upload without a terminal state.`,
        metric: q.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
      alarm(`${q.label}Backlog`, {
        alarmDescription: `The oldest message in ${q.label} is older than expected: processing is stuck or far behind.`,
        metric: q.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: (props.maxQueueAge ?? Duration.hours(1)).toSeconds(),
        evaluationPeriods: 3,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      });
    }
    for (const f of props.functions) {
      alarm(`${f.label}Errors`, {
        alarmDescription: `The ${f.label} function failed invocations.`,
        metric: f.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
      alarm(`${f.label}Throttles`, {
        alarmDescription: `The ${f.label} function was throttled.`,
        metric: f.function.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName ?? 'guarantee-dossier',
      defaultInterval: Duration.days(1),
    });
    const documents = (status: string) =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: 'Documents',
        dimensionsMap: { service: 'ingest', status },
        statistic: 'Sum',
        period: Duration.minutes(5),
        label: status,
      });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Documents by terminal state',
        left: ['PROCESSED', 'NEEDS_REVIEW', 'REJECTED'].map(documents),
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Queues: waiting and dead letters',
        left: props.queues.map((q) => q.queue.metricApproximateNumberOfMessagesVisible({ label: `${q.label} waiting` })),
        right: props.queues.map((q) => q.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: `${q.label} dead letters` })),
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      ...props.functions.map(
        (f) =>
          new cloudwatch.GraphWidget({
            title: `${f.label}: invocations, errors, throttles`,
            left: [f.function.metricInvocations(), f.function.metricErrors(), f.function.metricThrottles()],
            right: [f.function.metricDuration({ statistic: 'p95' })],
            width: 12,
          }),
      ),
    );
    this.dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }));
  }

  private createTopic(key: kms.IKey | undefined): sns.ITopic {
    if (!key) throw new Error('Observability: give topicKey (or alarmTopic); CloudWatch cannot publish to topics under the AWS-managed SNS key');
    const topic = new sns.Topic(this, 'Alarms', { masterKey: key, enforceSSL: true, displayName: 'Guarantee dossier alarms' });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToEncryptedTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
      }),
    );
    return topic;
  }
}
