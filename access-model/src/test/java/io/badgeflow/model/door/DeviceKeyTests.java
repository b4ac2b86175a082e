package io.badgeflow.model.door;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceKeyTests {

    @Test
    void generatesTwoHundredFiftySixRandomBits() {
        var key = DeviceKey.generate();

        assertThat(key.reveal()).hasSize(43);
        assertThat(key).isNotEqualTo(DeviceKey.generate());
    }

    @Test
    void neverPrintsTheKey() {
        var key = DeviceKey.generate();

        assertThat(key.toString()).doesNotContain(key.reveal());
    }

    @Test
    void matchesItsOwnHashOnly() {
        var key = DeviceKey.generate();
        var hash = DeviceKeyHash.of(key);

        assertThat(hash.matches(DeviceKey.presented(key.reveal()))).isTrue();
        assertThat(hash.matches(DeviceKey.generate())).isFalse();
        assertThat(hash.sha256Hex()).doesNotContain(key.reveal());
    }
}
