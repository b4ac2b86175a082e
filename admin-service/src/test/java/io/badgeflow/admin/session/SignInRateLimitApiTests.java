package io.badgeflow.admin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.badgeflow.admin.ApiSliceTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** /auth/* over its per-source limit: 429 problem+json with Retry-After, before the pool is asked anything. */
@TestPropertySource(
        properties = {
            "badgeflow.admin-service.sign-in.per-source.burst=2",
            "badgeflow.admin-service.sign-in.per-source.per-second=1"
        })
class SignInRateLimitApiTests extends ApiSliceTestSupport {

    @Test
    void answersTooManySignInsFromOneAddressWith429ProblemAndRetryAfter() throws Exception {
        int[] statuses = new int[3];
        org.springframework.mock.web.MockHttpServletResponse last = null;
        for (int i = 0; i < 3; i++) {
            last = mvc.perform(post("/auth/login")
                            .with(request -> {
                                request.setRemoteAddr("198.51.100.40");
                                return request;
                            })
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"\"}"))
                    .andReturn()
                    .getResponse();
            statuses[i] = last.getStatus();
        }

        assertThat(statuses).containsExactly(400, 400, 429);
        assertThat(last.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(last.getHeader("Retry-After")).isEqualTo("1");
        assertThat(last.getContentAsString()).contains("\"status\":429");
    }
}
