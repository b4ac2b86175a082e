package io.badgeflow.aws.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryFailureKeyTests {

    @Test
    void keysAFailureByQueueAndTheSha256OfTheBody() {
        assertThat(DeliveryFailureKey.of("badgeflow-local-commands", "hello"))
                .isEqualTo("badgeflow-local-commands#2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void keepsEqualBodiesOnDifferentQueuesApart() {
        assertThat(DeliveryFailureKey.of("commands", "x")).isNotEqualTo(DeliveryFailureKey.of("imports", "x"));
    }

    @Test
    void readsTheQueueNameFromAnArnOrAUrl() {
        assertThat(DeliveryFailureKey.queueName("arn:aws:sqs:us-east-1:000000000000:badgeflow-local-commands"))
                .isEqualTo("badgeflow-local-commands");
        assertThat(DeliveryFailureKey.queueName("http://127.0.0.1:4566/000000000000/badgeflow-local-commands-dlq"))
                .isEqualTo("badgeflow-local-commands-dlq");
    }

    @Test
    void recordsTheExceptionClassMessageAndRootCauseCapped() {
        var failure = new IllegalStateException("table unavailable", new java.io.IOException("connection reset"));

        assertThat(DeliveryFailure.reasonOf(failure))
                .isEqualTo(
                        "java.lang.IllegalStateException: table unavailable (caused by java.io.IOException: connection reset)");
        assertThat(DeliveryFailure.reasonOf(new RuntimeException("x".repeat(5000))))
                .hasSize(DeliveryFailure.MAX_REASON_LENGTH)
                .endsWith("…");
    }
}
