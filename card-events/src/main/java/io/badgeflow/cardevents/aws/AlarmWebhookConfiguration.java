package io.badgeflow.cardevents.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.badgeflow.aws.webhook.DynamoDbWebhookSubscriptions;
import io.badgeflow.aws.webhook.KmsWebhookSecretCipher;
import io.badgeflow.cardevents.AlarmWebhookStack;
import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.model.webhook.WebhookAddresses;
import io.badgeflow.model.webhook.WebhookBackoff;
import io.badgeflow.model.webhook.WebhookSubscriptions;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** The webhook subscriptions (lazily: only the webhook functions have their table and key), backoff and guard. */
@Configuration(proxyBeanMethods = false)
class AlarmWebhookConfiguration {

    @Bean
    @Lazy
    KmsClient kmsClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(KmsClient.builder()).build();
    }

    @Bean
    @Lazy
    WebhookSubscriptions webhookSubscriptions(
            DynamoDbEnhancedClient enhanced, @Lazy KmsClient kms, AlarmWebhookStack stack) {
        return new DynamoDbWebhookSubscriptions(
                enhanced,
                stack.require("webhooksTableName", stack.webhooksTableName()),
                new KmsWebhookSecretCipher(kms, stack.require("keyArn", stack.keyArn())));
    }

    @Bean
    WebhookBackoff webhookBackoff(CardEventsProperties properties) {
        var webhooks = properties.webhooks();
        return new WebhookBackoff(webhooks.firstRetry(), webhooks.maxRetry(), webhooks.attempts());
    }

    @Bean
    WebhookAddresses webhookAddresses(CardEventsProperties properties) {
        return new WebhookAddresses(properties.webhooks().allowLoopback());
    }

    @Bean
    HttpClient webhookHttpClient(CardEventsProperties properties) {
        // No redirects: a 3xx to an internal address would walk around the address guard.
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.webhooks().timeout())
                .build();
    }
}
