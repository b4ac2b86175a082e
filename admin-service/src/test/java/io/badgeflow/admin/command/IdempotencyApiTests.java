package io.badgeflow.admin.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.idempotency.IdempotencyRefusal;
import io.badgeflow.admin.idempotency.IdempotentRequest;
import io.badgeflow.model.command.Command;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A retried request with the same Idempotency-Key makes one command and is told the same answer. */
class IdempotencyApiTests extends ApiSliceTestSupport {

    private static final String EMPLOYEE = """
            {"employeeNumber":"E-1","givenName":"Ada","familyName":"Lovelace","email":"ada@example.com"}""";

    /** The first-claim-wins store, as the DynamoDB adapter behaves. */
    private final Map<String, IdempotentRequest> claims = new ConcurrentHashMap<>();

    @BeforeEach
    void firstClaimWins() {
        when(idempotency.claim(any(), any())).thenAnswer(call -> {
            IdempotentRequest request = call.getArgument(0);
            return Optional.ofNullable(claims.putIfAbsent(request.id(), request));
        });
        doAnswer(call -> {
                    IdempotentRequest request = call.getArgument(0);
                    claims.remove(request.id(), request);
                    return null;
                })
                .when(idempotency)
                .release(any());
    }

    @Test
    void answersARetryWithTheSameCommandAndWritesOnlyOne() throws Exception {
        var first = send(registration("retry-1"));
        var second = send(registration("retry-1"));

        assertThat(first.getStatus()).isEqualTo(202);
        assertThat(second.getStatus()).isEqualTo(202);
        assertThat(second.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(json(second)).isEqualTo(json(first));
        assertThat(written()).hasSize(1);
        assertThat(first.getHeader("Location"))
                .isEqualTo("/api/v1/commands/" + written().getFirst().commandId());
    }

    @Test
    void makesANewCommandForEachRequestWithoutAKey() throws Exception {
        send(post("/api/v1/employees")
                .contentType(MediaType.APPLICATION_JSON)
                .content(EMPLOYEE)
                .with(admin()));
        send(post("/api/v1/employees")
                .contentType(MediaType.APPLICATION_JSON)
                .content(EMPLOYEE)
                .with(admin()));

        assertThat(written()).hasSize(2).extracting(Command::commandId).doesNotHaveDuplicates();
    }

    @Test
    void refusesTheSameKeyOnADifferentBody() throws Exception {
        send(registration("reuse-1"));

        mvc.perform(post("/api/v1/employees")
                        .header("Idempotency-Key", "reuse-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EMPLOYEE.replace("Ada", "Grace"))
                        .with(admin()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Idempotency-Key reused"));

        assertThat(written()).hasSize(1);
        var refusal = ArgumentCaptor.forClass(IdempotencyRefusal.class);
        verify(idempotencyRefusals).record(refusal.capture());
        verify(idempotencyRefusals).alarm(refusal.getValue());
        assertThat(refusal.getValue().actor()).isEqualTo(ADMIN_SUBJECT);
        assertThat(refusal.getValue().claimId()).endsWith(":reuse-1");
        assertThat(refusal.getValue().heldRequest())
                .isNotEqualTo(refusal.getValue().refusedRequest());
    }

    @Test
    void refusesAReusedKeyEvenWhenTheRefusalCannotBeRecordedOrAlarmed() throws Exception {
        send(registration("reuse-3"));
        doThrow(new IllegalStateException("table down"))
                .when(idempotencyRefusals)
                .record(any());
        doThrow(new IllegalStateException("topic down"))
                .when(idempotencyRefusals)
                .alarm(any());

        mvc.perform(post("/api/v1/employees")
                        .header("Idempotency-Key", "reuse-3")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EMPLOYEE.replace("Ada", "Grace"))
                        .with(admin()))
                .andExpect(status().isConflict());
    }

    @Test
    void refusesTheSameKeyOnADifferentEndpoint() throws Exception {
        send(post("/api/v1/cards/card-1/suspend")
                .header("Idempotency-Key", "reuse-2")
                .with(admin()));

        mvc.perform(post("/api/v1/cards/card-2/suspend")
                        .header("Idempotency-Key", "reuse-2")
                        .with(admin()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/cards/card-1/revoke")
                        .header("Idempotency-Key", "reuse-2")
                        .with(admin()))
                .andExpect(status().isConflict());

        assertThat(written()).hasSize(1);
    }

    @Test
    void answersARetriedAntiPassbackSettingWithTheSameCommandAndRefusesTheKeyForAnotherMode() throws Exception {
        var timed = put("/api/v1/buildings/HQ/anti-passback")
                .header("Idempotency-Key", "apb-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\":\"TIMED\",\"minutes\":15}");

        var first = send(timed.with(admin()));
        var second = send(timed.with(admin()));

        assertThat(second.getStatus()).isEqualTo(202);
        assertThat(second.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        mvc.perform(put("/api/v1/buildings/HQ/anti-passback")
                        .header("Idempotency-Key", "apb-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"OFF\"}")
                        .with(admin()))
                .andExpect(status().isConflict());
        assertThat(written()).hasSize(1);
    }

    @Test
    void keepsEachCallersKeysApart() throws Exception {
        send(registration("shared-key"));
        send(post("/api/v1/employees")
                .header("Idempotency-Key", "shared-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content(EMPLOYEE)
                .with(jwt().jwt(t -> t.subject("another-admin"))
                        .authorities(new SimpleGrantedAuthority("ROLE_ADMIN"))));

        assertThat(written()).hasSize(2);
    }

    @Test
    void refusesAKeyThatIsTooLongOrNotPrintableNamingTheHeader() throws Exception {
        for (var key : new String[] {"k".repeat(129), "tab\there"}) {
            mvc.perform(post("/api/v1/employees/emp-1/deactivate")
                            .header("Idempotency-Key", key)
                            .with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors['Idempotency-Key']").exists());
        }

        assertThat(written()).isEmpty();
    }

    @Test
    void neverShowsOrStoresADeviceKeyTwice() throws Exception {
        var request = post("/api/v1/buildings/HQ/doors")
                .header("Idempotency-Key", "door-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Main\",\"capability\":\"BOTH\"}");

        var first = json(send(request.with(admin())));
        var retry = json(send(request.with(admin())));

        var key = first.get("deviceKey").asString();
        assertThat(key).isNotBlank();
        assertThat(retry.get("commandId").asString())
                .isEqualTo(first.get("commandId").asString());
        assertThat(retry.get("doorId").asString()).isEqualTo(first.get("doorId").asString());
        assertThat(retry.has("deviceKey")).isTrue();
        assertThat(retry.get("deviceKey").isNull()).isTrue();
        assertThat(retry.get("deviceKeyNote").asString()).contains("rotate");
        assertThat(claims.values())
                .singleElement()
                .extracting(IdempotentRequest::answer)
                .asString()
                .doesNotContain(key);
        assertThat(written()).hasSize(1);
    }

    @Test
    void givesTheKeyBackWhenTheDocumentCouldNotBeWrittenSoTheRetryMakesTheCommand() throws Exception {
        doThrow(new IllegalStateException("bucket unavailable"))
                .doNothing()
                .when(documents)
                .write(any());

        mvc.perform(registration("flaky-1"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("bucket"))));
        var retry = send(registration("flaky-1"));

        assertThat(retry.getStatus()).isEqualTo(202);
        assertThat(written()).hasSize(2);
        assertThat(retry.getHeader("Location"))
                .isEqualTo("/api/v1/commands/" + written().get(1).commandId());
    }

    @Test
    void remembersTheKeyForADay() throws Exception {
        var expiries = new java.util.ArrayList<Instant>();
        doAnswer(call -> {
                    expiries.add(call.getArgument(1));
                    return Optional.empty();
                })
                .when(idempotency)
                .claim(any(), any());

        send(registration("ttl-1"));

        assertThat(expiries)
                .singleElement()
                .satisfies(expiresAt -> assertThat(expiresAt)
                        .isBetween(
                                Instant.now().plusSeconds(24 * 3600 - 60),
                                Instant.now().plusSeconds(24 * 3600)));
    }

    private MockHttpServletRequestBuilder registration(String key) {
        return post("/api/v1/employees")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(EMPLOYEE)
                .with(admin());
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JsonMapper.shared().readTree(response.getContentAsString());
    }
}
