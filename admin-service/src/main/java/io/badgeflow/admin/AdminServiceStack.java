package io.badgeflow.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The names of the stores, queues and user pool admin-service uses, one per stack output, each component named as
 * its output in lowerCamelCase. On AWS the task definition sets them ({@code BADGEFLOW_STACK_COMMANDSBUCKETNAME} from
 * the export {@code badgeflow-<stage>-CommandsBucketName}); locally bin/run imports every output as
 * {@code badgeflow.stack.<OutputKey>}. A missing name fails the start-up, all of them in one report.
 */
@ConfigurationProperties("badgeflow.stack")
@Validated
public record AdminServiceStack(
        @NotBlank String commandsBucketName,
        @NotBlank String importsBucketName,
        @NotBlank String reportsBucketName,
        @NotBlank String archiveBucketName,
        @NotBlank String commandsTableName,
        @NotBlank String employeesTableName,
        @NotBlank String cardsTableName,
        @NotBlank String buildingsTableName,
        @NotBlank String doorsTableName,
        @NotBlank String grantsTableName,
        @NotBlank String idempotencyTableName,
        @NotBlank String deliveryFailuresTableName,
        @NotBlank String importsTableName,
        @NotBlank String adminAuditTableName,
        @NotBlank String presenceTableName,
        @NotBlank String swipesTableName,
        @NotBlank String parkedRecordsTableName,

        @NotBlank @Pattern(regexp = "[a-z]{2}(-[a-z]+)+-\\d+_\\w+", message = "must be a user pool id: <region>_<id>")
        String userPoolId,

        @NotBlank String userPoolClientId,
        @NotBlank String scimClientId,
        @NotBlank String scimScope,
        @NotBlank String commandsQueueUrl,
        @NotBlank String commandsDlqUrl,
        @NotBlank String importsQueueUrl,
        @NotBlank String importsDlqUrl,
        @NotBlank String releasesQueueUrl,
        @NotBlank String releasesDlqUrl,
        @NotBlank String alarmsTopicArn,
        @NotBlank String alarmsTableName,
        @NotBlank String webhooksTableName,
        @NotBlank String keyArn,
        @NotBlank String alarmFanoutQueueUrl,
        @NotBlank String alarmFanoutDlqUrl,
        @NotBlank String alarmWebhooksQueueUrl,
        @NotBlank String alarmWebhooksDlqUrl) {

    /**
     * The queue pairs whose dead letters operators read and redrive ({@code /api/v1/dead-letters}), in the order it
     * lists them. Named here because SQS cannot list a DLQ's source queues everywhere (the emulator lacks
     * ListDeadLetterSourceQueues).
     */
    public List<DeadLetterQueue> deadLetterQueues() {
        return List.of(
                new DeadLetterQueue("commands", commandsQueueUrl, commandsDlqUrl),
                new DeadLetterQueue("imports", importsQueueUrl, importsDlqUrl),
                new DeadLetterQueue("releases", releasesQueueUrl, releasesDlqUrl),
                new DeadLetterQueue("alarm-fanout", alarmFanoutQueueUrl, alarmFanoutDlqUrl),
                new DeadLetterQueue("alarm-webhooks", alarmWebhooksQueueUrl, alarmWebhooksDlqUrl));
    }

    /**
     * A queue and its dead-letter queue, as the API names them ({@code commands}, {@code imports}, {@code releases},
     * {@code alarm-fanout}, {@code alarm-webhooks}).
     */
    public record DeadLetterQueue(String name, String queueUrl, String dlqUrl) {}
}
