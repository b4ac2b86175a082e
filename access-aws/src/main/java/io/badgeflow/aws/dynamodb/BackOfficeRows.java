package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.backoffice.UniqueKind;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * The back office's tables as the Enhanced Client maps them, and the strongly consistent single-record reads
 * that both the store (for decisions) and the directory (for current detail views) make.
 */
final class BackOfficeRows {

    final DynamoDbTable<EmployeeItem> employees;
    final DynamoDbTable<CardItem> cards;
    final DynamoDbTable<BuildingItem> buildings;
    final DynamoDbTable<DoorItem> doors;
    final DynamoDbTable<GrantItem> grants;
    final DynamoDbTable<CommandItem> commands;
    private final DynamoDbTable<ClaimItem> employeeClaims;
    private final DynamoDbTable<ClaimItem> cardClaims;

    BackOfficeRows(DynamoDbEnhancedClient enhanced, BackOfficeTables tables) {
        employees = enhanced.table(tables.employees(), EmployeeItem.SCHEMA);
        cards = enhanced.table(tables.cards(), CardItem.SCHEMA);
        buildings = enhanced.table(tables.buildings(), BuildingItem.SCHEMA);
        doors = enhanced.table(tables.doors(), DoorItem.SCHEMA);
        grants = enhanced.table(tables.grants(), GrantItem.SCHEMA);
        commands = enhanced.table(tables.commands(), CommandItem.SCHEMA);
        employeeClaims = enhanced.table(tables.employees(), ClaimItem.IN_EMPLOYEES);
        cardClaims = enhanced.table(tables.cards(), ClaimItem.IN_CARDS);
    }

    DynamoDbTable<ClaimItem> claims(UniqueKind kind) {
        return switch (kind) {
            case EMPLOYEE_NUMBER -> employeeClaims;
            case CARD_NUMBER -> cardClaims;
        };
    }

    Optional<Employee> employee(String employeeId) {
        return Optional.ofNullable(
                        get(employees, Key.builder().partitionValue(employeeId).build()))
                .filter(EmployeeItem::isEmployee)
                .map(EmployeeItem::toEmployee);
    }

    Optional<Card> card(String cardId) {
        return Optional.ofNullable(
                        get(cards, Key.builder().partitionValue(cardId).build()))
                .filter(CardItem::isCard)
                .map(CardItem::toCard);
    }

    Optional<Building> building(String buildingId) {
        return Optional.ofNullable(
                        get(buildings, Key.builder().partitionValue(buildingId).build()))
                .map(BuildingItem::toBuilding);
    }

    Optional<Door> door(String doorId) {
        return Optional.ofNullable(
                        get(doors, Key.builder().partitionValue(doorId).build()))
                .map(DoorItem::toDoor);
    }

    Optional<AccessGrant> grant(String employeeId, String buildingId) {
        return Optional.ofNullable(get(
                        grants,
                        Key.builder()
                                .partitionValue(employeeId)
                                .sortValue(buildingId)
                                .build()))
                .map(GrantItem::toGrant);
    }

    /** All of an employee's grants, by building id; one partition, read strongly consistent. */
    List<AccessGrant> grantsOf(String employeeId) {
        return grants
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(employeeId)))
                        .consistentRead(true))
                .items()
                .stream()
                .map(GrantItem::toGrant)
                .toList();
    }

    /** A card by its number, through the number's claim (never released, so a revoked card is still found). */
    Optional<Card> cardByNumber(String cardNumber) {
        return owner(UniqueKind.CARD_NUMBER, cardNumber)
                .flatMap(this::card)
                .filter(card -> card.cardNumber().equals(cardNumber));
    }

    /** The id of the record holding {@code value}, if any. */
    Optional<String> owner(UniqueKind kind, String value) {
        return Optional.ofNullable(get(
                        claims(kind),
                        Key.builder().partitionValue(ClaimItem.key(kind, value)).build()))
                .map(ClaimItem::getOwnerId);
    }

    private static <I> I get(DynamoDbTable<I> table, Key key) {
        return table.getItem(r -> r.key(key).consistentRead(true));
    }
}
