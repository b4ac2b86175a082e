package io.badgeflow.cardevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.StackNames;
import io.badgeflow.aws.testing.StackTypeContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The names reach card-events the two ways they are given: the Lambda environment's
 * {@code BADGEFLOW_STACK_<OUTPUTKEY>} and bin/run's file of {@code badgeflow.stack.<OutputKey>} lines; a missing
 * one stops the start with every missing name (StackTypeContract); and the template gives each function exactly
 * these names.
 */
class CardEventsStackTests extends StackTypeContract<CardEventsStack> {

    CardEventsStackTests() {
        super(CardEventsStack.class, Binding.class, Map.of());
    }

    @Test
    void theTemplateGivesEveryFunctionExactlyTheseNames() {
        for (var function : List.of(
                "ApplyCommandFunction",
                "ImportEmployeesFunction",
                "PromoteReleaseFunction",
                "EraseExpiredPeopleFunction")) {
            assertThat(StackNames.templateVariables(function))
                    .as(function)
                    .isEqualTo(StackNames.environmentVariables(CardEventsStack.class));
        }
    }

    /** The webhook functions get the alarm webhook names on top (AlarmWebhookStack, not required by the others). */
    @Test
    void theTemplateGivesTheAlarmWebhookFunctionsTheirNamesToo() {
        var expected = new java.util.TreeSet<>(StackNames.environmentVariables(CardEventsStack.class));
        expected.addAll(StackNames.environmentVariables(AlarmWebhookStack.class));
        for (var function : List.of("FanOutAlarmsFunction", "DeliverAlarmWebhookFunction")) {
            assertThat(StackNames.templateVariables(function)).as(function).isEqualTo(expected);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CardEventsStack.class)
    static class Binding {}
}
