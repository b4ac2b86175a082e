package io.badgeflow.cardevents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The stack outputs only the alarm webhook functions use, bound like {@link CardEventsStack} but not required at
 * start-up: the other functions of this jar run without them, and the webhook beans check them on first use.
 */
@ConfigurationProperties("badgeflow.stack")
public record AlarmWebhookStack(String webhooksTableName, String alarmWebhooksQueueUrl, String keyArn) {

    public String require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("badgeflow.stack." + name + " is not set (BADGEFLOW_STACK_"
                    + name.toUpperCase(java.util.Locale.ROOT) + " in the function's environment)");
        }
        return value;
    }
}
