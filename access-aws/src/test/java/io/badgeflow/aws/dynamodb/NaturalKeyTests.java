package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalKeyTests {

    @Test
    void sortsNumbersInsideNamesByValueInByteOrder() {
        var keys = new ArrayList<>(List.of(
                NaturalKey.of("person 10"),
                NaturalKey.of("person 100"),
                NaturalKey.of("person 2"),
                NaturalKey.of("e-9"),
                NaturalKey.of("e-10")));
        keys.sort(String::compareTo);

        assertThat(keys)
                .containsExactly(
                        "e-0000000009", "e-0000000010", "person 0000000002", "person 0000000010", "person 0000000100");
    }

    @Test
    void leavesTextWithoutDigitsAsItIsAndOverlongNumbersUnpadded() {
        assertThat(NaturalKey.of("lovelace ada")).isEqualTo("lovelace ada");
        assertThat(NaturalKey.of("n 007")).isEqualTo("n 0000000007");
        assertThat(NaturalKey.of("n 12345678901")).isEqualTo("n 12345678901");
        assertThat(NaturalKey.of("山田 太郎")).isEqualTo("山田 太郎");
    }

    @Test
    void encodesASearchPrefixUpToATrailingNumber() {
        assertThat(NaturalKey.ofPrefix("person 1")).isEqualTo("person ");
        assertThat(NaturalKey.endsInDigits("person 1")).isTrue();
        assertThat(NaturalKey.ofPrefix("r2d2 x")).isEqualTo("r0000000002d0000000002 x");
        assertThat(NaturalKey.endsInDigits("lov")).isFalse();
        assertThat(NaturalKey.of("person 12").startsWith(NaturalKey.ofPrefix("person 1")))
                .isTrue();
    }
}
