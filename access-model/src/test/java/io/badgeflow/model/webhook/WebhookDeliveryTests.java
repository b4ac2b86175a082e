package io.badgeflow.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTests {

    @Test
    void theSameAlarmToTheSameSubscriptionHasTheSameDeliveryId() {
        var first = WebhookDelivery.of("sub-1", "alarm-1", "{\"a\":1}");
        var again = WebhookDelivery.of("sub-1", "alarm-1", "{\"a\":1}");

        assertThat(again.deliveryId()).isEqualTo(first.deliveryId());
        assertThat(WebhookDelivery.of("sub-2", "alarm-1", "{\"a\":1}").deliveryId())
                .isNotEqualTo(first.deliveryId());
    }

    @Test
    void aMessageWithoutAlarmIdIsKeyedByItsBody() {
        var cloudWatch = WebhookDelivery.of("sub-1", null, "{\"AlarmName\":\"x\"}");

        assertThat(cloudWatch.alarmKey()).startsWith("sha256-").hasSize(71);
        assertThat(WebhookDelivery.of("sub-1", "", "{\"AlarmName\":\"x\"}").deliveryId())
                .isEqualTo(cloudWatch.deliveryId());
    }

    @Test
    void aRotatedSecretSignsUntilItsGracePeriodEnds() {
        var at = Instant.parse("2026-12-07T08:00:00Z");
        var rotated = WebhookSecrets.first("old").rotate("new", at);

        assertThat(rotated.signingAt(at.plusSeconds(60))).containsExactly("new", "old");
        assertThat(rotated.signingAt(at.plus(WebhookSecrets.GRACE))).containsExactly("new");
        assertThat(WebhookSecrets.generate()).startsWith("whsec_").hasSize(6 + 43);
    }
}
