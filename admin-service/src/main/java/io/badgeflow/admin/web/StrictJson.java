package io.badgeflow.admin.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

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
        var module =
                new SimpleModule("badgeflow-plain-text").addDeserializer(String.class, new PlainTextDeserializer());
        return builder -> builder.addModule(module)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "" is no time, number or choice: read as null it would, e.g., issue a card valid forever.
                .withCoercionConfigDefaults(
                        config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
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

    /** A text field with a control character; the path to the field is added as the exception travels up. */
    static final class ControlCharacterException extends MismatchedInputException {

        static final String MESSAGE = "must not contain control characters";

        ControlCharacterException(JsonParser parser) {
            super(parser, MESSAGE, String.class);
        }
    }
}
