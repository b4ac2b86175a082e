package io.badgeflow.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.webhook.SubscriptionTarget.Protocol;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionTargetTests {

    @Test
    void acceptsAnEmailAPhoneInE164AndAnHttpsUrl() {
        assertThat(SubscriptionTarget.of("endpoint", Protocol.EMAIL, "security@example.com"))
                .isInstanceOf(SubscriptionTarget.Email.class);
        assertThat(SubscriptionTarget.of("endpoint", Protocol.SMS, "+442071234567"))
                .isInstanceOf(SubscriptionTarget.Phone.class);
        assertThat(SubscriptionTarget.of("endpoint", Protocol.WEBHOOK, "https://hooks.example.com/badgeflow?x=1"))
                .isInstanceOfSatisfying(
                        SubscriptionTarget.Webhook.class,
                        w -> assertThat(w.host()).isEqualTo("hooks.example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700900123", "+0442071234567", "+44 20 7123 4567", "+1234", "+1234567890123456"})
    void refusesPhonesNotInE164(String phone) {
        assertThatThrownBy(() -> SubscriptionTarget.of("endpoint", Protocol.SMS, phone))
                .isInstanceOf(InvalidFieldException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://hooks.example.com/x",
                "ftp://hooks.example.com/x",
                "/relative",
                "https://user:pw@hooks.example.com/x",
                "https:///nohost",
                "https://hooks.example.com/x#frag",
                "not a url"
            })
    void refusesAnythingButAPlainHttpsUrl(String url) {
        assertThatThrownBy(() -> SubscriptionTarget.of("endpoint", Protocol.WEBHOOK, url))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void plainHttpIsAllowedOnlyToALoopbackHostAndOnlyWhereTheStageAllowsIt() {
        assertThat(SubscriptionTarget.of("endpoint", Protocol.WEBHOOK, "http://127.0.0.1:8080/hook", true))
                .isInstanceOf(SubscriptionTarget.Webhook.class);
        assertThatThrownBy(() -> SubscriptionTarget.of("endpoint", Protocol.WEBHOOK, "http://127.0.0.1:8080/hook"))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() ->
                        SubscriptionTarget.of("endpoint", Protocol.WEBHOOK, "http://hooks.example.com/hook", true))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void refusesAnOverlongUrlAndABadEmail() {
        assertThatThrownBy(() ->
                        SubscriptionTarget.of("endpoint", Protocol.WEBHOOK, "https://example.com/" + "a".repeat(2048)))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> SubscriptionTarget.of("endpoint", Protocol.EMAIL, "not-an-email"))
                .isInstanceOf(InvalidFieldException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "::1",
                "169.254.169.254",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "100.64.0.1",
                "fd00::1",
                "fe80::1",
                "0.0.0.0",
                "::ffff:10.0.0.1"
            })
    void theGuardRefusesInternalAddressesOnAws(String address) throws Exception {
        assertThat(new WebhookAddresses(false).refusal(List.of(InetAddress.getByName(address))))
                .isNotNull();
    }

    @Test
    void theGuardAdmitsPublicAddressesAndLocallyTheLoopback() throws Exception {
        assertThat(new WebhookAddresses(false).refusal(List.of(InetAddress.getByName("203.0.113.10"))))
                .isNull();
        assertThat(new WebhookAddresses(true).refusal(List.of(InetAddress.getByName("127.0.0.1"))))
                .isNull();
        assertThat(new WebhookAddresses(true).refusal(List.of(InetAddress.getByName("10.0.0.1"))))
                .isNotNull();
    }

    @Test
    void oneInternalAddressAmongPublicOnesIsRefused() throws Exception {
        assertThat(new WebhookAddresses(false)
                        .refusal(List.of(
                                InetAddress.getByName("203.0.113.10"), InetAddress.getByName("169.254.169.254"))))
                .contains("169.254.169.254");
    }
}
