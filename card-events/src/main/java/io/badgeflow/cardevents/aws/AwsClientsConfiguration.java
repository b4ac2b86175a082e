package io.badgeflow.cardevents.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.badgeflow.aws.delivery.DeliveryFailures;
import io.badgeflow.aws.dynamodb.DynamoDbCommandLog;
import io.badgeflow.aws.dynamodb.DynamoDbDeliveryFailures;
import io.badgeflow.aws.dynamodb.DynamoDbEmployeeDirectory;
import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.model.command.CommandApplier;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients and the adapters behind the model's ports, built once per process (per Lambda container),
 * configured from {@code spring.cloud.aws.*} like the clients Spring Cloud AWS builds itself.
 */
@Configuration(proxyBeanMethods = false)
class AwsClientsConfiguration {

    @Bean
    DynamoDbClient dynamoDbClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(DynamoDbClient.builder()).build();
    }

    @Bean
    SqsClient sqsClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(SqsClient.builder()).build();
    }

    @Bean
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }

    @Bean
    CommandApplier commandApplier(DynamoDbEnhancedClient enhanced, CardEventsProperties properties) {
        var tables = properties.tables();
        return new CommandApplier(
                new DynamoDbCommandLog(enhanced, tables.commands(), properties.commandRetention()),
                new DynamoDbEmployeeDirectory(enhanced, tables.employees()),
                Clock.systemUTC());
    }

    @Bean
    DeliveryFailures deliveryFailures(DynamoDbEnhancedClient enhanced, CardEventsProperties properties) {
        return new DynamoDbDeliveryFailures(enhanced, properties.tables().deliveryFailures(),
                DynamoDbDeliveryFailures.DEFAULT_RETENTION, Clock.systemUTC());
    }
}
