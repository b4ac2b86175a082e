package io.badgeflow.admin.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.command.CommandDocumentStore;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.RegisterEmployee;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of registering an employee: roles, validation and the 202 with its Location. */
@WebMvcTest(EmployeeController.class)
@ComponentScan(basePackages = {"io.badgeflow.admin.security", "io.badgeflow.admin.web"})
@TestPropertySource(properties = {
    "badgeflow.admin-service.commands-bucket=commands",
    "badgeflow.admin-service.tables.commands=commands",
    "badgeflow.admin-service.tables.employees=employees",
    "badgeflow.admin-service.tables.delivery-failures=delivery-failures",
    "badgeflow.admin-service.cognito.user-pool-id=us-east-1_test",
    "badgeflow.admin-service.cognito.client-id=client",
    "badgeflow.admin-service.cognito.issuer=https://cognito-idp.us-east-1.amazonaws.com/us-east-1_test",
    "badgeflow.admin-service.cognito.jwk-set-uri=http://127.0.0.1:9/jwks.json"})
@org.springframework.boot.context.properties.EnableConfigurationProperties(io.badgeflow.admin.AdminServiceProperties.class)
class EmployeeApiTests {

    private static final String VALID = """
            {"employeeNumber":"E-1","givenName":"Ada","familyName":"Lovelace","email":"ada@example.com"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingStore store;

    @BeforeEach
    void clear() {
        store.written.clear();
    }

    @Test
    void acceptsARegistrationFromAnAdminAndWritesOneCommand() throws Exception {
        var result = mvc.perform(post("/api/v1/employees").contentType(MediaType.APPLICATION_JSON).content(VALID)
                        .with(jwt().jwt(token -> token.subject("sub-123")).authorities(new SimpleGrantedAuthority("ROLE_ADMIN"))))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn();

        assertThat(store.written).hasSize(1);
        var command = (RegisterEmployee) store.written.getFirst();
        assertThat(command.actor()).isEqualTo("sub-123");
        assertThat(command.email()).isEqualTo("ada@example.com");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/commands/" + command.commandId());
    }

    @Test
    void namesEveryInvalidFieldInAProblem() throws Exception {
        mvc.perform(post("/api/v1/employees").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNumber\":\"\",\"givenName\":\"Ada\",\"familyName\":\"L\",\"email\":\"nope\"}")
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.email").exists())
                .andExpect(jsonPath("$.errors.employeeNumber").exists());

        assertThat(store.written).isEmpty();
    }

    @Test
    void answersUnreadableJsonWithABadRequestProblem() throws Exception {
        mvc.perform(post("/api/v1/employees").contentType(MediaType.APPLICATION_JSON).content("{oops")
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAnOperatorWithAForbiddenProblem() throws Exception {
        mvc.perform(post("/api/v1/employees").contentType(MediaType.APPLICATION_JSON).content(VALID)
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(store.written).isEmpty();
    }

    @Test
    void refusesACallWithoutATokenWithAnUnauthorizedProblem() throws Exception {
        mvc.perform(post("/api/v1/employees").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @TestConfiguration
    static class Fakes {
        @Bean
        RecordingStore store() {
            return new RecordingStore();
        }
    }

    static final class RecordingStore implements CommandDocumentStore {
        final List<Command> written = new ArrayList<>();

        @Override
        public void write(Command command) {
            written.add(command);
        }

        @Override
        public boolean exists(String commandId) {
            return written.stream().anyMatch(c -> c.commandId().equals(commandId));
        }
    }
}
