package io.badgeflow.cardevents;

import io.badgeflow.aws.testing.AwsEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;

/** The settings bin/run gives card-events, from the emulator's stack outputs, for tests to start it the same way. */
public final class CardEventsTestProperties {

    private CardEventsTestProperties() {
    }

    public static Map<String, String> of(AwsEnvironment aws) {
        var properties = new LinkedHashMap<>(aws.springProperties());
        var tables = Map.of("employees", "EmployeesTableName", "cards", "CardsTableName", "buildings",
                "BuildingsTableName", "doors", "DoorsTableName", "grants", "GrantsTableName", "commands",
                "CommandsTableName", "delivery-failures", "DeliveryFailuresTableName", "admin-audit",
                "AdminAuditTableName", "imports", "ImportsTableName");
        tables.forEach((table, output) -> properties.put("badgeflow.card-events.tables." + table, aws.output(output)));
        properties.put("badgeflow.card-events.buckets.reports", aws.output("ReportsBucketName"));
        return properties;
    }
}
