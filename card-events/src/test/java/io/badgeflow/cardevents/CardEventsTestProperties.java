package io.badgeflow.cardevents;

import io.badgeflow.aws.testing.AwsEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings bin/run gives a service, for tests to start card-events the same way: the emulator's endpoint and
 * every stack output as {@code badgeflow.stack.<OutputKey>}, of which {@link CardEventsStack} binds its names.
 */
public final class CardEventsTestProperties {

    private CardEventsTestProperties() {}

    public static Map<String, String> of(AwsEnvironment aws) {
        var properties = new LinkedHashMap<>(aws.springProperties());
        properties.putAll(aws.stackProperties());
        return properties;
    }
}
