package io.badgeflow.admin.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.aws.dynamodb.DynamoDbAlarmBoard;
import io.badgeflow.aws.webhook.DynamoDbWebhookSubscriptions;
import io.badgeflow.aws.webhook.KmsWebhookSecretCipher;
import io.badgeflow.model.alarm.AlarmBoard;
import io.badgeflow.model.webhook.WebhookSubscriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** The alarms page's adapters: the alarm board on the alarms table, the webhook subscriptions and their cipher. */
@Configuration(proxyBeanMethods = false)
class AlarmAdaptersConfiguration {

    @Bean
    AlarmBoard alarmBoard(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamoDb, AdminServiceStack stack) {
        return new DynamoDbAlarmBoard(enhanced, dynamoDb, stack.alarmsTableName());
    }

    @Bean
    KmsClient kmsClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(KmsClient.builder()).build();
    }

    @Bean
    WebhookSubscriptions webhookSubscriptions(DynamoDbEnhancedClient enhanced, KmsClient kms, AdminServiceStack stack) {
        return new DynamoDbWebhookSubscriptions(
                enhanced, stack.webhooksTableName(), new KmsWebhookSecretCipher(kms, stack.keyArn()));
    }
}
