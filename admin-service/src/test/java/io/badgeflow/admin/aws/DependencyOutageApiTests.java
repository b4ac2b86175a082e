package io.badgeflow.admin.aws;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.model.paging.PageRequest;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * While a dependency does not answer, the API says so: 503 problem+json with Retry-After (docs/contracts.md), never
 * a 500; the ports throw what the AWS SDK throws in an outage.
 */
class DependencyOutageApiTests extends ApiSliceTestSupport {

    @Test
    void answersAReadWith503AndRetryAfterWhileDynamoDbIsUnreachable() throws Exception {
        when(directory.buildings(any(PageRequest.class)))
                .thenThrow(SdkClientException.create(
                        "Unable to execute HTTP request", new ConnectException("Connection refused")));

        mvc.perform(get("/api/v1/buildings").with(auditor()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Dependency unavailable"));
    }

    @Test
    void answersAnOutageWrappedByAnAsyncCallAs503Too() throws Exception {
        when(directory.buildings(any(PageRequest.class)))
                .thenThrow(new CompletionException(SdkClientException.create("timed out")));

        mvc.perform(get("/api/v1/buildings").with(auditor()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void answersSignInWith503WhileCognitoFailsOnItsSide() throws Exception {
        when(signIn.withPassword(any(), any()))
                .thenThrow(CognitoIdentityProviderException.builder()
                        .statusCode(500)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("InternalErrorException")
                                .build())
                        .build());

        mvc.perform(post("/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"ada\",\"password\":\"a-long-password-1\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void keepsAnAwsFailureThatIsNoOutageAnInternalError() throws Exception {
        when(directory.buildings(any(PageRequest.class)))
                .thenThrow(ConditionalCheckFailedException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ConditionalCheckFailedException")
                                .build())
                        .build());

        mvc.perform(get("/api/v1/buildings").with(auditor()))
                .andExpect(status().isInternalServerError())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
