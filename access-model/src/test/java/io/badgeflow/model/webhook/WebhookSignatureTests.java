package io.badgeflow.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final byte[] BODY = "{\"alarmId\":\"a1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.ofEpochSecond(1_765_094_400L);

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // Computed independently: printf '1765094400.{"alarmId":"a1"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign("whsec_test", 1_765_094_400L, BODY))
                .isEqualTo("048bb8740facf21e18d2e069c72973cfe23371ed03d9dee5d59126c1ca8c7335");
    }

    @Test
    void aHeaderCarriesTheTimestampAndOneV1PerSecret() {
        var header = WebhookSignature.header(AT, BODY, List.of("new", "old"));

        assertThat(header)
                .isEqualTo("t=1765094400,v1=" + WebhookSignature.sign("new", 1_765_094_400L, BODY) + ",v1="
                        + WebhookSignature.sign("old", 1_765_094_400L, BODY));
    }

    @Test
    void verifiesWithEitherSecretDuringTheGracePeriod() {
        var header = WebhookSignature.header(AT, BODY, List.of("new", "old"));

        assertThat(WebhookSignature.verify(header, BODY, "new", AT, Duration.ofMinutes(5)))
                .isTrue();
        assertThat(WebhookSignature.verify(header, BODY, "old", AT, Duration.ofMinutes(5)))
                .isTrue();
        assertThat(WebhookSignature.verify(header, BODY, "other", AT, Duration.ofMinutes(5)))
                .isFalse();
    }

    @Test
    void refusesAChangedBody() {
        var header = WebhookSignature.header(AT, BODY, List.of("s"));

        assertThat(WebhookSignature.verify(
                        header,
                        "{\"alarmId\":\"a2\"}".getBytes(StandardCharsets.UTF_8),
                        "s",
                        AT,
                        Duration.ofMinutes(5)))
                .isFalse();
    }

    @Test
    void refusesATimestampOutsideTheTolerance() {
        var header = WebhookSignature.header(AT, BODY, List.of("s"));

        assertThat(WebhookSignature.verify(header, BODY, "s", AT.plusSeconds(301), Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify(header, BODY, "s", AT.minusSeconds(301), Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify(header, BODY, "s", AT.plusSeconds(300), Duration.ofMinutes(5)))
                .isTrue();
    }

    @Test
    void refusesMalformedHeaders() {
        assertThat(WebhookSignature.verify(null, BODY, "s", AT, Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify("v1=abc", BODY, "s", AT, Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify("t=x,v1=abc", BODY, "s", AT, Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify("t=1765094400", BODY, "s", AT, Duration.ofMinutes(5)))
                .isFalse();
    }
}
