package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorsTests {

    private static final Set<String> GRANT_KEYS = Set.of("employeeId", "buildingId");

    @Test
    void aCursorIsUrlSafeAndGivesBackTheKey() {
        var key = Map.of("employeeId", AttributeValue.fromS("emp/ü+1?"), "buildingId", AttributeValue.fromS("b 1"));

        var cursor = Cursors.encode(key);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(cursor, GRANT_KEYS)).isEqualTo(key);
    }

    @Test
    void refusesWhatItDidNotIssueNamingTheCursorField() {
        var otherListing = Cursors.encode(Map.of("buildingId", AttributeValue.fromS("b")));
        var notJson = Base64.getUrlEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        var notAString = Base64.getUrlEncoder()
                .encodeToString("{\"employeeId\":1,\"buildingId\":\"b\"}".getBytes(StandardCharsets.UTF_8));

        for (var cursor : new String[] {"%%%", notJson, otherListing, notAString, "bnVsbA"}) {
            assertThatThrownBy(() -> Cursors.decode(cursor, GRANT_KEYS))
                    .as(cursor)
                    .isInstanceOfSatisfying(
                            InvalidFieldException.class,
                            e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }
}
