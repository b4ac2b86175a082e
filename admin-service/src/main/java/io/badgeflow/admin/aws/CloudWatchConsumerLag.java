package io.badgeflow.admin.aws;

import io.badgeflow.admin.dashboard.BuildingActivity.LagPoint;
import io.badgeflow.admin.dashboard.ConsumerLagSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * The consumer lag access-stream publishes ({@code badgeflow.stream.behind.latest}, through Micrometer's CloudWatch
 * registry) read back with GetMetricData, the largest value per minute. Without a namespace (metrics export off) or
 * when CloudWatch does not answer within {@link #TIMEOUT}, the dashboard shows the lag as not available: a chart is
 * never worth a failed page.
 */
final class CloudWatchConsumerLag implements ConsumerLagSource {

    static final String METRIC = "badgeflow.stream.behind.latest.value";
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchConsumerLag.class);

    private final CloudWatchAsyncClient cloudWatch;
    private final String namespace;

    /** {@code cloudWatch} and {@code namespace} are null when the service publishes no metrics. */
    CloudWatchConsumerLag(CloudWatchAsyncClient cloudWatch, String namespace) {
        this.cloudWatch = cloudWatch;
        this.namespace = namespace == null || namespace.isBlank() ? null : namespace;
    }

    @Override
    public Optional<List<LagPoint>> perMinute(Instant from, Instant to) {
        if (cloudWatch == null || namespace == null) {
            return Optional.empty();
        }
        try {
            var answer = cloudWatch
                    .getMetricData(r -> r.startTime(from)
                            .endTime(to)
                            .metricDataQueries(MetricDataQuery.builder()
                                    .id("lag")
                                    .metricStat(stat -> stat.metric(metric ->
                                                    metric.namespace(namespace).metricName(METRIC))
                                            .period(60)
                                            .stat("Maximum"))
                                    .build()))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            var points = new ArrayList<LagPoint>();
            for (var series : answer.metricDataResults()) {
                for (int i = 0; i < series.timestamps().size(); i++) {
                    points.add(new LagPoint(
                            series.timestamps().get(i), series.values().get(i)));
                }
            }
            points.sort(Comparator.comparing(LagPoint::at));
            return Optional.of(points);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("dashboard: the consumer lag could not be read from CloudWatch ({})", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
