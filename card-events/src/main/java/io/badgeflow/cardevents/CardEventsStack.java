package io.badgeflow.cardevents;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The names of the stores card-events uses, one per stack output, each component named as its output in
 * lowerCamelCase. On AWS the function's environment sets them ({@code BADGEFLOW_STACK_EMPLOYEESTABLENAME} from the
 * export {@code badgeflow-<stage>-EmployeesTableName}); locally bin/run imports every output as
 * {@code badgeflow.stack.<OutputKey>}. A missing name fails the start-up, all of them in one report.
 */
@ConfigurationProperties("badgeflow.stack")
@Validated
public record CardEventsStack(
        @NotBlank String employeesTableName,
        @NotBlank String cardsTableName,
        @NotBlank String buildingsTableName,
        @NotBlank String doorsTableName,
        @NotBlank String grantsTableName,
        @NotBlank String commandsTableName,
        @NotBlank String deliveryFailuresTableName,
        @NotBlank String adminAuditTableName,
        @NotBlank String importsTableName,
        @NotBlank String reportsBucketName) {}
