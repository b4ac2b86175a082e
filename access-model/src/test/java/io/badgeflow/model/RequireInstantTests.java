package io.badgeflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequireInstantTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2026-12-07T08:00:00Z, 2026-12-07T08:00:00Z",
        "2026-12-07t08:00:00z, 2026-12-07T08:00:00Z",
        "2026-12-07T09:30:00.5+01:30, 2026-12-07T08:00:00.5Z",
        "2026-12-07T08:00:00.123456789123-00:00, 2026-12-07T08:00:00.123456789Z",
        "0005-01-13T06:13:44.29+20:33, 0005-01-12T09:40:44.29Z",
        "2016-12-31T23:59:60Z, 2017-01-01T00:00:00Z"
    })
    void readsEveryRfc3339DateTime(String text, String expected) {
        assertThat(Require.instant("occurredAt", text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "",
                "2026-12-07",
                "2026-12-07T08:00:00",
                "2026-12-07 08:00:00Z",
                "2026-13-07T08:00:00Z",
                "2026-12-07T24:00:00Z",
                "2026-12-07T08:00:61Z",
                "2026-12-07T08:00:00+24:00",
                "1765094400",
                "2026-12-07T08:00:00Z\u0000"
            })
    void refusesAnythingElseNamingTheField(String text) {
        assertThatThrownBy(() -> Require.instant("occurredAt", text))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("occurredAt ");
    }
}
