package io.badgeflow.cardevents.aws;

import io.badgeflow.cardevents.onboarding.ImportMeter;
import io.badgeflow.model.onboarding.ImportSummary;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * Import throughput in CloudWatch, beside the services' Micrometer meters in the same namespace: rows per import
 * and rows per second from the import's start to its finish. One PutMetricData per finished import, sent while the
 * Lambda still runs (a registry stepping in the background could be frozen with the container before it sends).
 * Unlike the services, no Micrometer registry: an invocation is shorter than any step. A failed send is logged,
 * never thrown: metrics are not a dependency of an import.
 */
final class CloudWatchImportMeter implements ImportMeter {

    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchImportMeter.class);

    private final CloudWatchClient cloudWatch;
    private final String namespace;

    CloudWatchImportMeter(CloudWatchClient cloudWatch, String namespace) {
        this.cloudWatch = cloudWatch;
        this.namespace = namespace;
    }

    @Override
    public void finished(ImportSummary summary) {
        if (summary.startedAt() == null || summary.finishedAt() == null) {
            return;
        }
        // A resumed import's span includes the pause; the rate is then lower than the work's, never higher.
        var took = Duration.between(summary.startedAt(), summary.finishedAt());
        var seconds = Math.max(took.toMillis(), 1) / 1000.0;
        try {
            cloudWatch.putMetricData(request -> request.namespace(namespace)
                    .metricData(
                            datum("badgeflow.imports.rows", summary.rowsTotal(), StandardUnit.COUNT, summary),
                            datum(
                                    "badgeflow.imports.rows.per.second",
                                    summary.rowsTotal() / seconds,
                                    StandardUnit.COUNT_SECOND,
                                    summary)));
        } catch (SdkException e) {
            LOG.warn("import {}: its metrics were not published: {}", summary.importId(), e.getMessage());
        }
    }

    private static MetricDatum datum(String name, double value, StandardUnit unit, ImportSummary summary) {
        return MetricDatum.builder()
                .metricName(name)
                .value(value)
                .unit(unit)
                .timestamp(summary.finishedAt())
                .build();
    }
}
