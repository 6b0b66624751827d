/**
 * One Logger, Metrics and Tracer per function container (Powertools for AWS Lambda), and the
 * wrapper that gives every handler the same structured logs, flushed metrics and a traced segment.
 * Service name and metric namespace come from POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';

export const logger = new Logger();
export const metrics = new Metrics();
export const tracer = new Tracer();

/**
 * Wraps a handler: Lambda context in every log line, a cold-start metric, metrics flushed after
 * each invocation (also on failure), and a `## handler` subsegment carrying errors as metadata.
 */
export function instrumented<E, R>(handler: (event: E, context: Context) => Promise<R>): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    logger.addContext(context);
    metrics.captureColdStartMetric(context.functionName);
    const segment = tracer.getSegment();
    const subsegment = segment?.addNewSubsegment('## handler');
    if (subsegment) tracer.setSegment(subsegment);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
    try {
      return await handler(event, context);
    } catch (err) {
      if (err instanceof Error) tracer.addErrorAsMetadata(err);
      logger.error('invocation failed', { error: err as Error });
      throw err;
    } finally {
      // The cold-start metric goes out on its own; flush only what the handler added.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      if (segment && subsegment) {
        subsegment.close();
        tracer.setSegment(segment);
      }
    }
  };
}
