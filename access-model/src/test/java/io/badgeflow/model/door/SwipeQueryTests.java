package io.badgeflow.model.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SwipeQueryTests {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void takesWhicheverOneFilterIsGiven() {
        assertThat(SwipeQuery.of(" ", "door-1", null, FROM, FROM.plusSeconds(1)))
                .isEqualTo(new SwipeQuery(SwipeQuery.By.DOOR, "door-1", FROM, FROM.plusSeconds(1)));
        assertThat(SwipeQuery.of(null, null, "HQ", FROM, FROM.plusSeconds(1)).by())
                .isEqualTo(SwipeQuery.By.BUILDING);
        assertThat(SwipeQuery.of("emp-1", null, null, FROM, FROM.plusSeconds(1)).by())
                .isEqualTo(SwipeQuery.By.EMPLOYEE);
    }

    @Test
    void refusesNoFilterOrMoreThanOne() {
        assertThatThrownBy(() -> SwipeQuery.of(null, "", null, FROM, FROM.plusSeconds(1)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> SwipeQuery.of("emp-1", "door-1", null, FROM, FROM.plusSeconds(1)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("only one");
    }

    @Test
    void refusesAMissingEmptyOrTooLongRange() {
        assertThat(field(() -> SwipeQuery.of("emp-1", null, null, null, FROM))).isEqualTo("from");
        assertThat(field(() -> SwipeQuery.of("emp-1", null, null, FROM, null))).isEqualTo("to");
        assertThat(field(() -> SwipeQuery.of("emp-1", null, null, FROM, FROM))).isEqualTo("to");
        assertThat(field(() -> SwipeQuery.of(
                        "emp-1",
                        null,
                        null,
                        FROM,
                        FROM.plus(Duration.ofDays(31)).plusNanos(1))))
                .isEqualTo("to");
        assertThat(SwipeQuery.of("emp-1", null, null, FROM, FROM.plus(Duration.ofDays(31)))
                        .to())
                .isEqualTo(FROM.plus(Duration.ofDays(31)));
    }

    @Test
    void refusesAnIdTheModelWouldNotAccept() {
        assertThat(field(() -> SwipeQuery.of(null, null, "no spaces", FROM, FROM.plusSeconds(1))))
                .isEqualTo("buildingId");
    }

    @Test
    void coversFromButNotTo() {
        var query = new SwipeQuery(SwipeQuery.By.DOOR, "door-1", FROM, FROM.plusSeconds(10));
        assertThat(query.covers(FROM)).isTrue();
        assertThat(query.covers(FROM.plusSeconds(10))).isFalse();
        assertThat(query.covers(FROM.minusNanos(1))).isFalse();
    }

    private static String field(Runnable query) {
        try {
            query.run();
        } catch (InvalidFieldException invalid) {
            return invalid.field();
        }
        throw new AssertionError("no InvalidFieldException");
    }
}
