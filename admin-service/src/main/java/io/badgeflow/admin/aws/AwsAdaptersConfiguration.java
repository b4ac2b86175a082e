package io.badgeflow.admin.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.badgeflow.admin.AdminServiceProperties;
import io.badgeflow.aws.dynamodb.DynamoDbCommandLog;
import io.badgeflow.model.command.CommandLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client and the read-side adapters, built once and configured from {@code spring.cloud.aws.*}. */
@Configuration(proxyBeanMethods = false)
class AwsAdaptersConfiguration {

    @Bean
    DynamoDbClient dynamoDbClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(DynamoDbClient.builder()).build();
    }

    @Bean
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }

    @Bean
    CommandLog commandLog(DynamoDbEnhancedClient enhanced, AdminServiceProperties properties) {
        // Retention only matters to writers; the read side never records.
        return new DynamoDbCommandLog(enhanced, properties.tables().commands());
    }
}
