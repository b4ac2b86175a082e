package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.model.command.RegisterVisitor;
import io.badgeflow.model.employee.Affiliation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Visitors and contractors at a real door: the decision path reads the affiliation with the person, so a visit
 * that ended yesterday, or a contractor past the end date, is refused by {@code affiliation-in-force} although no
 * command ever ended it, while today's visitor is let in.
 */
class VisitorDecisionIntegrationTests extends RunningApplication {

    @Autowired
    DynamoDbEnhancedClient enhanced;

    private BackOffice backOffice;
    private BackOffice.Site site;

    @BeforeEach
    void site() {
        backOffice = new BackOffice(enhanced, aws);
        site = backOffice.site(null, 0);
    }

    @Test
    void letsTodaysVisitorInAndRefusesYesterdaysWithNoOneHavingActed() {
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        var todays = register(Affiliation.visitor(site.employeeId(), null, today, today));
        var yesterdays = register(Affiliation.visitor(site.employeeId(), null, today.minusDays(1), today.minusDays(1)));

        var in = decide(todays, at);
        var refused = decide(yesterdays, at);

        assertThat(in.get("decision").asString()).isEqualTo("GRANTED");
        assertThat(refused.get("decision").asString()).isEqualTo("DENIED");
        assertThat(refused.get("reason").asString()).isEqualTo("AFFILIATION_NOT_IN_FORCE");
        assertThat(refused.get("rule").asString()).isEqualTo("affiliation-in-force");
    }

    @Test
    void refusesAContractorFromTheDayAfterTheEndDate() {
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        var ended = register(Affiliation.contractor("Acme Ltd", null, null, today.minusDays(1)));
        var endsToday = register(Affiliation.contractor("Acme Ltd", null, null, today));

        assertThat(decide(ended, at).get("reason").asString()).isEqualTo("AFFILIATION_NOT_IN_FORCE");
        assertThat(decide(endsToday, at).get("decision").asString()).isEqualTo("GRANTED");
    }

    /** Registers someone with a badge for the site's building; answers the badge number. */
    private String register(Affiliation affiliation) {
        var employeeId = "vis-" + BackOffice.id();
        var cardNumber = "B-" + BackOffice.id();
        backOffice.apply(new RegisterVisitor(
                BackOffice.id(),
                "it",
                Instant.now(),
                employeeId,
                "V-" + employeeId,
                "Grace",
                "Hopper",
                null,
                affiliation,
                List.of(site.buildingId()),
                "card-" + employeeId,
                cardNumber));
        return cardNumber;
    }

    private JsonNode decide(String cardNumber, Instant at) {
        var answer = http().post()
                .uri("/door-api/v1/doors/{doorId}/decisions", site.doorA())
                .header("X-Door-Key", site.keyA().reveal())
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"eventId": "%s", "cardNumber": "%s", "direction": "IN", "occurredAt": "%s"}""".formatted(BackOffice.id(), cardNumber, at))
                .exchange((request, response) -> {
                    assertThat(HttpStatus.valueOf(response.getStatusCode().value()))
                            .isEqualTo(HttpStatus.OK);
                    return new String(response.getBody().readAllBytes());
                });
        return JsonMapper.shared().readTree(answer);
    }
}
