package io.badgeflow.aws.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class OutagesTests {

    @Test
    void countsAnUnreachableEndpointWrappedByAnAsyncCallAsAnOutage() {
        var refused = SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused"));
        assertThat(Outages.dependencyFailure(new CompletionException(refused))).contains(refused);
    }

    @Test
    void countsServerErrorsThrottlingAndAMissingTableAsOutages() {
        assertThat(Outages.isDependencyFailure(DynamoDbException.builder()
                        .statusCode(500)
                        .message("boom")
                        .build()))
                .isTrue();
        assertThat(Outages.isDependencyFailure(ProvisionedThroughputExceededException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .build())
                        .build()))
                .isTrue();
        assertThat(Outages.isDependencyFailure(ResourceNotFoundException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ResourceNotFoundException")
                                .build())
                        .build()))
                .isTrue();
    }

    @Test
    void leavesAConditionFailureAndOtherBugsAlone() {
        assertThat(Outages.isDependencyFailure(ConditionalCheckFailedException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ConditionalCheckFailedException")
                                .build())
                        .build()))
                .isFalse();
        assertThat(Outages.isDependencyFailure(new IllegalStateException("bug")))
                .isFalse();
    }
}
