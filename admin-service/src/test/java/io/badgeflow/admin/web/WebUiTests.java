package io.badgeflow.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.badgeflow.admin.ApiSliceTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * admin-service serves the web UI: its page and routes without a token under the UI's strict policy, while the
 * API keeps its own ({@code default-src 'none'}) and still wants a token. The page is a test fixture
 * ({@code src/test/resources/static/index.html}); the browser tests check the real build.
 */
class WebUiTests extends ApiSliceTestSupport {

    private static final String UI_CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Test
    void servesThePageAtTheRootWithoutATokenUnderTheStrictPolicy() throws Exception {
        var response = mvc.perform(get("/")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getForwardedUrl()).endsWith("index.html");
        assertUiHeaders(response);
    }

    @Test
    void answersTheUisOwnRoutesWithThePage() throws Exception {
        for (var route : new String[] {
            "/login",
            "/employees",
            "/employees/emp-1",
            "/cards",
            "/cards/card-1",
            "/buildings",
            "/buildings/HQ",
            "/commands",
            "/imports",
            "/dead-letters",
            "/admin-audit"
        }) {
            var response = mvc.perform(get(route)).andReturn().getResponse();

            assertThat(response.getStatus()).as(route).isEqualTo(200);
            assertThat(response.getForwardedUrl()).as(route).isEqualTo("/index.html");
            assertUiHeaders(response);
        }
    }

    @Test
    void servesTheStaticFileWithoutAToken() throws Exception {
        var response = mvc.perform(get("/index.html")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("<div id=\"root\">");
        assertUiHeaders(response);
    }

    @Test
    void keepsTheApisPolicyAndItsTokenRequirement() throws Exception {
        var response = mvc.perform(get("/api/v1/employees")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void deniesWritesAndPathsOutsideTheUiAndTheApi() throws Exception {
        assertThat(mvc.perform(post("/employees")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(get("/secret.txt")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }

    private static void assertUiHeaders(MockHttpServletResponse response) {
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(UI_CSP);
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
