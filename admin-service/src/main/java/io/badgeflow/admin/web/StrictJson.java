package io.badgeflow.admin.web;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import java.time.Instant;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: a field the request type does not have is refused rather than dropped (a typo such
 * as {@code "givenNmae"} must not silently lose the value), and no text field may hold a control character (C0,
 * DEL or C1, such as a JSON {@code \u0000}): such text is never what a person meant, and it would be stored and
 * shown as it came; an empty string is not taken for a missing time, number or choice. Each is answered 400
 * naming the field (ApiProblems).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        var module = new SimpleModule("badgeflow-plain-text")
                .addDeserializer(String.class, new PlainTextDeserializer())
                .addDeserializer(Instant.class, new DateTimeTextDeserializer());
        return builder -> builder.addModule(module)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "" is no time, number or choice: read as null it would, e.g., issue a card valid forever.
                .withCoercionConfigDefaults(
                        config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                // A number or true is not a name: text fields take text only.
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Whether {@code text} holds a C0 control, DEL or a C1 control character. */
    static boolean hasControlCharacter(CharSequence text) {
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    /** Jackson's own string reading, then the check. */
    static final class PlainTextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            var text = super.deserialize(parser, context);
            if (text != null && hasControlCharacter(text)) {
                throw new ControlCharacterException(parser);
            }
            return text;
        }
    }

    /**
     * A time is an RFC 3339 date-time with an offset, as the document says: Jackson's own reading also takes a number
     * as seconds since 1970 ({@code "validFrom": 0}), which no caller means.
     */
    static final class DateTimeTextDeserializer extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            var text = parser.getString();
            try {
                // RFC 3339 in full (offsets to 23:59, either case), as the door API and the document read it.
                return Require.instant("time", text);
            } catch (InvalidFieldException e) {
                return (Instant)
                        context.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 date-time with an offset");
            }
        }
    }

    /** A text field with a control character; the path to the field is added as the exception travels up. */
    static final class ControlCharacterException extends MismatchedInputException {

        static final String MESSAGE = "must not contain control characters";

        ControlCharacterException(JsonParser parser) {
            super(parser, MESSAGE, String.class);
        }
    }
}
