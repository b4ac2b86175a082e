package io.badgeflow.accessstream.aws;

import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What goes to CloudWatch: the service's own {@code badgeflow.*} meters only. The JVM, Tomcat and HTTP meters stay
 * in the process ({@code /actuator/metrics}); sent along they would be hundreds of metrics per stage, each billed,
 * that nothing alarms on. Parked records and shed requests go as one total each (their reason is in the log, the
 * parked-records table and the process's own meters), so that an alarm watches one series. The registry itself is Spring Cloud AWS's (CloudWatchExportAutoConfiguration), on while
 * {@code management.cloudwatch.metrics.export.namespace} is set; docs/operations.md, "Metrics".
 *
 * <p>Publishing is not a dependency: the registry sends from its own thread once per step and logs a failed send,
 * so an unreachable CloudWatch never fails a request, and health (readiness) does not ask for it.
 */
@Configuration(proxyBeanMethods = false)
class CloudWatchMetricsConfiguration {

    static final String PREFIX = "badgeflow.";

    /**
     * The process's own registry, cumulative as before, beside CloudWatch's step registry (Boot then makes a composite
     * of the two): the actuator's metrics, the benchmarks that read them and the tests keep counting from the start
     * and keep every tag, whatever goes to CloudWatch. Without a namespace it is the only one, as Boot's default
     * would be.
     */
    @Bean
    SimpleMeterRegistry simpleMeterRegistry() {
        return new SimpleMeterRegistry(SimpleConfig.DEFAULT, Clock.SYSTEM);
    }

    /**
     * The actuator's {@code /actuator/metrics} from the cumulative registry. Boot's own endpoint, given the composite,
     * answers from the first child registry holding the meter, and the composite keeps its children in an
     * identity-hashed set: from one start to the next that may be CloudWatch's step registry, whose counts start again
     * every step (the benchmarks and operators reading a count would see a few seconds' worth).
     */
    @Bean
    MetricsEndpoint metricsEndpoint(SimpleMeterRegistry cumulative) {
        return new MetricsEndpoint(cumulative);
    }

    @Bean
    MeterRegistryCustomizer<CloudWatchMeterRegistry> onlyBadgeflowMetersToCloudWatch() {
        return registry -> registry.config()
                .meterFilter(MeterFilter.denyUnless(id -> id.getName().startsWith(PREFIX)));
    }
}
