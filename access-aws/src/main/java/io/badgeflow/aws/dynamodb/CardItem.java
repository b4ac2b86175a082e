package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * Row of the cards table: one card. {@code byNumber} lists all cards by card number (every card row carries the
 * constant {@code listKey}), {@code byStatus} the cards of one status by number. Card-number claims share the
 * table without these attributes, so no index sees them.
 */
@DynamoDbBean
public class CardItem {

    static final TableSchema<CardItem> SCHEMA = TableSchema.fromBean(CardItem.class);
    static final String BY_NUMBER = "byNumber";
    static final String BY_STATUS = "byStatus";
    static final String LIST_KEY = "CARD";

    private String cardId;
    private String cardNumber;
    private String status;
    private String employeeId;
    private Instant validFrom;
    private Instant validUntil;
    private Instant issuedAt;
    private Instant validitySetAt;
    private Long version;
    private String listKey;

    static CardItem from(Card card) {
        var item = new CardItem();
        item.cardId = card.cardId();
        item.cardNumber = card.cardNumber();
        item.status = card.status().name();
        item.employeeId = card.employeeId();
        item.validFrom = card.validFrom();
        item.validUntil = card.validUntil();
        item.issuedAt = card.issuedAt();
        item.validitySetAt = card.validitySetAt();
        item.version = card.version();
        item.listKey = LIST_KEY;
        return item;
    }

    Card toCard() {
        return new Card(
                cardId,
                cardNumber,
                CardStatus.valueOf(status),
                employeeId,
                validFrom,
                validUntil,
                issuedAt,
                validitySetAt,
                version);
    }

    /** Whether this row is a card, not a claim that shares the table. */
    boolean isCard() {
        return status != null;
    }

    @DynamoDbPartitionKey
    public String getCardId() {
        return cardId;
    }

    public void setCardId(String cardId) {
        this.cardId = cardId;
    }

    @DynamoDbSecondarySortKey(indexNames = {BY_NUMBER, BY_STATUS})
    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_STATUS)
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    public Instant getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(Instant validFrom) {
        this.validFrom = validFrom;
    }

    public Instant getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(Instant validUntil) {
        this.validUntil = validUntil;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public void setIssuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
    }

    public Instant getValiditySetAt() {
        return validitySetAt;
    }

    public void setValiditySetAt(Instant validitySetAt) {
        this.validitySetAt = validitySetAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_NUMBER)
    public String getListKey() {
        return listKey;
    }

    public void setListKey(String listKey) {
        this.listKey = listKey;
    }
}
