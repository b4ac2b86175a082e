package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortableInstantConverterTests {

    private final SortableInstantConverter converter = new SortableInstantConverter();

    @Test
    void writesInstantsSoThatTextOrderIsTimeOrder() {
        var instants = List.of(
                Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-24T08:00:00.100Z"),
                Instant.parse("2026-11-24T08:00:00.100200Z"),
                Instant.parse("2026-11-24T08:00:00.5Z"),
                Instant.parse("2026-11-24T08:00:01Z"));

        var texts = instants.stream()
                .map(instant -> converter.transformFrom(instant).s())
                .toList();

        assertThat(texts).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(texts.getFirst()).isEqualTo("2026-11-24T08:00:00.000000000Z");
        assertThat(instants.stream().map(Instant::toString).toList())
                .as("why the default converter will not do")
                .isNotEqualTo(instants.stream().map(Instant::toString).sorted().toList());
    }

    @Test
    void readsBackTheSameInstantAlsoFromTheDefaultForm() {
        var instant = Instant.parse("2026-11-24T08:00:00.123456789Z");

        assertThat(converter.transformTo(converter.transformFrom(instant))).isEqualTo(instant);
        assertThat(converter.transformTo(
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("2026-11-24T08:00:00.5Z")))
                .isEqualTo(Instant.parse("2026-11-24T08:00:00.500Z"));
    }
}
