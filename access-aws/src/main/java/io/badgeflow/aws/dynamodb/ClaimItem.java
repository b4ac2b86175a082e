package io.badgeflow.aws.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import io.badgeflow.model.backoffice.UniqueKind;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A unique value (an employee number, a card number) held by one record. It lives in the table of the records
 * that hold such values, under a key no id can take (ids never start with {@code #}), and carries none of the
 * index attributes, so listings never see it. Claimed and released in the same transaction as its holder.
 */
public final class ClaimItem {

    static final TableSchema<ClaimItem> IN_EMPLOYEES = schema("employeeId");
    static final TableSchema<ClaimItem> IN_CARDS = schema("cardId");
    static final String OWNER = "ownerId";

    private String key;
    private String ownerId;

    static ClaimItem of(UniqueKind kind, String value, String ownerId) {
        var item = new ClaimItem();
        item.key = key(kind, value);
        item.ownerId = ownerId;
        return item;
    }

    /** {@code #employeeNumber#E-1001}, {@code #cardNumber#04A1...}. */
    static String key(UniqueKind kind, String value) {
        return switch (kind) {
            case EMPLOYEE_NUMBER -> "#employeeNumber#" + value;
            case CARD_NUMBER -> "#cardNumber#" + value;
        };
    }

    static TableSchema<ClaimItem> schema(UniqueKind kind) {
        return switch (kind) {
            case EMPLOYEE_NUMBER -> IN_EMPLOYEES;
            case CARD_NUMBER -> IN_CARDS;
        };
    }

    /** The partition key attribute of the table that keeps claims of this kind. */
    static String keyAttribute(UniqueKind kind) {
        return schema(kind).tableMetadata().primaryPartitionKey();
    }

    private static TableSchema<ClaimItem> schema(String keyAttribute) {
        return StaticTableSchema.builder(ClaimItem.class)
                .newItemSupplier(ClaimItem::new)
                .addAttribute(
                        String.class,
                        a -> a.name(keyAttribute)
                                .getter(ClaimItem::getKey)
                                .setter(ClaimItem::setKey)
                                .tags(primaryPartitionKey()))
                .addAttribute(
                        String.class,
                        a -> a.name(OWNER).getter(ClaimItem::getOwnerId).setter(ClaimItem::setOwnerId))
                .build();
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }
}
