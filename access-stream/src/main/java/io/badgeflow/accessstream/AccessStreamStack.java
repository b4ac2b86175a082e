package io.badgeflow.accessstream;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The names of the stream, stores and topic access-stream uses, one per stack output, each component named as its
 * output in lowerCamelCase. On AWS the task definition sets them ({@code BADGEFLOW_STACK_SWIPESTREAMNAME} from the
 * export {@code badgeflow-<stage>-SwipeStreamName}); locally bin/run imports every output as
 * {@code badgeflow.stack.<OutputKey>}. A missing name fails the start-up, all of them in one report. The back
 * office's tables are read by the decision path; presence, swipes, parked records and alarms are its own; the
 * allow-list signing key signs the doors' offline lists.
 */
@ConfigurationProperties("badgeflow.stack")
@Validated
public record AccessStreamStack(
        @NotBlank String swipeStreamName,
        @NotBlank String doorsTableName,
        @NotBlank String swipesTableName,
        @NotBlank String presenceTableName,
        @NotBlank String doorDecisionsTableName,
        @NotBlank String employeesTableName,
        @NotBlank String cardsTableName,
        @NotBlank String buildingsTableName,
        @NotBlank String grantsTableName,
        @NotBlank String commandsTableName,
        @NotBlank String parkedRecordsTableName,
        @NotBlank String alarmsTableName,
        @NotBlank String archiveBucketName,
        @NotBlank String alarmsTopicArn,
        @NotBlank String allowListSigningKeyArn) {}
