package io.badgeflow.aws.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores an instant as fixed-width ISO text ({@code 2026-11-24T08:00:00.120000000Z}) so that text order is time
 * order. The SDK's default converter writes {@code Instant.toString()}, whose fraction has 0, 3, 6 or 9 digits:
 * {@code 08:00:00Z} would sort after {@code 08:00:00.5Z}. Used for instants that are index sort keys.
 */
public final class SortableInstantConverter implements AttributeConverter<Instant> {

    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    static String format(Instant instant) {
        return FIXED_WIDTH.format(instant);
    }

    @Override
    public AttributeValue transformFrom(Instant input) {
        return AttributeValue.fromS(format(input));
    }

    @Override
    public Instant transformTo(AttributeValue input) {
        return Instant.parse(input.s());
    }

    @Override
    public EnhancedType<Instant> type() {
        return EnhancedType.of(Instant.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.S;
    }
}
