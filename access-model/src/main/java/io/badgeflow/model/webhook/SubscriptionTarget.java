package io.badgeflow.model.webhook;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who an alarm reaches: an email address or a phone (SNS delivers those) or a signed webhook (our delivery
 * function). Each checked here, once, for every way in (API and template parameters share the rules).
 */
public sealed interface SubscriptionTarget {

    int MAX_URL = 2048;

    /** The protocol as the API names it. */
    Protocol protocol();

    /** The address as stored and shown. */
    String endpoint();

    enum Protocol {
        EMAIL,
        SMS,
        WEBHOOK
    }

    static SubscriptionTarget of(String field, Protocol protocol, String endpoint) {
        return of(field, protocol, endpoint, false);
    }

    /**
     * @param allowLoopbackHttp the local stage's allowance: a webhook may be plain {@code http} to a loopback host
     *     ({@code 127.0.0.1}, {@code [::1]}, {@code localhost}), where a test receiver listens without a certificate
     */
    static SubscriptionTarget of(String field, Protocol protocol, String endpoint, boolean allowLoopbackHttp) {
        Require.present("protocol", protocol);
        return switch (protocol) {
            case EMAIL -> new Email(Require.email(field, endpoint));
            case SMS -> Phone.of(field, endpoint);
            case WEBHOOK -> Webhook.of(field, endpoint, allowLoopbackHttp);
        };
    }

    record Email(String endpoint) implements SubscriptionTarget {
        @Override
        public Protocol protocol() {
            return Protocol.EMAIL;
        }
    }

    /** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
    record Phone(String endpoint) implements SubscriptionTarget {
        private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

        static Phone of(String field, String value) {
            var phone = Require.text(field, value, 16);
            if (!E164.matcher(phone).matches()) {
                throw new InvalidFieldException(field, "must be a phone number in E.164 form, such as +442071234567");
            }
            return new Phone(phone);
        }

        @Override
        public Protocol protocol() {
            return Protocol.SMS;
        }
    }

    /**
     * An absolute {@code https} URL with a host and no user info (credentials in a URL end up in logs); at most
     * 2048 characters. Where the host resolves to is checked at every delivery ({@link WebhookAddresses}), not here:
     * DNS can change after the check.
     */
    record Webhook(String endpoint, String host) implements SubscriptionTarget {

        static Webhook of(String field, String value, boolean allowLoopbackHttp) {
            var text = Require.text(field, value, MAX_URL);
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new InvalidFieldException(field, "must be a URL");
            }
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidFieldException(field, "must be an https URL with a host");
            }
            var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            var loopbackHttp = allowLoopbackHttp && "http".equals(scheme) && loopback(uri.getHost());
            if (!"https".equals(scheme) && !loopbackHttp) {
                throw new InvalidFieldException(field, "must be an https URL");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidFieldException(field, "must not carry a user name or password");
            }
            if (uri.getRawFragment() != null) {
                throw new InvalidFieldException(field, "must not have a fragment");
            }
            return new Webhook(text, uri.getHost());
        }

        /** A loopback host as written in the URL (no lookup: the address guard checks what it resolves to). */
        public static boolean loopback(String host) {
            var bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return bare.equals("localhost") || bare.equals("::1") || bare.startsWith("127.");
        }

        @Override
        public Protocol protocol() {
            return Protocol.WEBHOOK;
        }
    }
}
