package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.backoffice.UniqueKind;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The back office's read side on DynamoDB. Single records and an employee's grants are read strongly
 * consistent from the tables; listings come from the global secondary indexes (eventually consistent, so they
 * may trail a just-applied command by a moment). Table and index layout: {@code docs/table-design.md}.
 */
public final class DynamoDbBackOfficeDirectory implements BackOfficeDirectory {

    private static final List<String> EMPLOYEE_CURSOR = List.of("employeeId", "listKey", "sortName");
    private static final List<String> CARD_BY_NUMBER_CURSOR = List.of("cardId", "listKey", "cardNumber");
    private static final List<String> CARD_BY_STATUS_CURSOR = List.of("cardId", "status", "cardNumber");
    private static final List<String> BUILDING_CURSOR = List.of("buildingId");
    private static final List<String> GRANT_CURSOR = List.of("employeeId", "buildingId");

    private final DynamoDbEnhancedClient enhanced;
    private final BackOfficeRows rows;
    private final DynamoDbIndex<EmployeeItem> employeesByName;
    private final DynamoDbIndex<CardItem> cardsByNumber;
    private final DynamoDbIndex<CardItem> cardsByStatus;
    private final DynamoDbIndex<DoorItem> doorsByBuilding;
    private final DynamoDbIndex<GrantItem> grantsByBuilding;

    public DynamoDbBackOfficeDirectory(DynamoDbEnhancedClient enhanced, BackOfficeTables tables) {
        this.enhanced = enhanced;
        this.rows = new BackOfficeRows(enhanced, tables);
        this.employeesByName = rows.employees.index(EmployeeItem.BY_NAME);
        this.cardsByNumber = rows.cards.index(CardItem.BY_NUMBER);
        this.cardsByStatus = rows.cards.index(CardItem.BY_STATUS);
        this.doorsByBuilding = rows.doors.index(DoorItem.BY_BUILDING);
        this.grantsByBuilding = rows.grants.index(GrantItem.BY_BUILDING);
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        return rows.employee(employeeId);
    }

    @Override
    public Optional<Employee> employeeByNumber(String employeeNumber) {
        return rows.owner(UniqueKind.EMPLOYEE_NUMBER, employeeNumber)
                .flatMap(rows::employee)
                .filter(employee -> employee.employeeNumber().equals(employeeNumber));
    }

    @Override
    public List<Employee> employees(List<String> employeeIds) {
        var found = new LinkedHashMap<String, Employee>();
        BatchGets.all(enhanced, rows.employees, keys(employeeIds), false).stream()
                .filter(EmployeeItem::isEmployee)
                .forEach(item -> found.put(item.getEmployeeId(), item.toEmployee()));
        return employeeIds.stream()
                .distinct()
                .filter(found::containsKey)
                .map(found::get)
                .toList();
    }

    @Override
    public Page<Employee> employees(String namePrefix, PageRequest page) {
        var prefix = namePrefix == null || namePrefix.isBlank() ? null : EmployeeItem.lowercase(namePrefix.strip());
        // the index key is in natural order (NaturalKey); a prefix ending in digits is matched on the plain name
        var keyPrefix = prefix == null ? "" : NaturalKey.ofPrefix(prefix);
        var onPlainName = prefix != null && NaturalKey.endsInDigits(prefix);
        var start = start(page, EMPLOYEE_CURSOR);
        if (start != null
                && (!EmployeeItem.LIST_KEY.equals(start.get("listKey").s())
                        || !start.get("sortName").s().startsWith(keyPrefix))) {
            throw Cursors.invalid();
        }
        var condition = keyPrefix.isEmpty()
                ? QueryConditional.keyEqualTo(k -> k.partitionValue(EmployeeItem.LIST_KEY))
                : QueryConditional.sortBeginsWith(
                        k -> k.partitionValue(EmployeeItem.LIST_KEY).sortValue(keyPrefix));
        return Pages.page(
                page,
                start,
                (from, limit) -> {
                    var read = employeesByName
                            .query(r -> r.queryConditional(condition)
                                    .exclusiveStartKey(from)
                                    .limit(limit))
                            .iterator()
                            .next();
                    if (!onPlainName) {
                        return read;
                    }
                    var matching = read.items().stream()
                            .filter(item -> EmployeeItem.plainName(item.getFamilyName(), item.getGivenName())
                                    .startsWith(prefix))
                            .toList();
                    var filtered = software.amazon.awssdk.enhanced.dynamodb.model.Page.builder(EmployeeItem.class)
                            .items(matching);
                    if (read.lastEvaluatedKey() != null) {
                        filtered.lastEvaluatedKey(read.lastEvaluatedKey());
                    }
                    return filtered.build();
                },
                EmployeeItem.SCHEMA,
                EMPLOYEE_CURSOR,
                EmployeeItem::toEmployee);
    }

    @Override
    public Optional<Card> card(String cardId) {
        return rows.card(cardId);
    }

    @Override
    public Optional<Card> cardByNumber(String cardNumber) {
        return rows.cardByNumber(cardNumber);
    }

    @Override
    public List<Card> cards(List<String> cardIds) {
        var found = new LinkedHashMap<String, Card>();
        BatchGets.all(enhanced, rows.cards, keys(cardIds), true).stream()
                .filter(CardItem::isCard)
                .forEach(item -> found.put(item.getCardId(), item.toCard()));
        return cardIds.stream()
                .distinct()
                .filter(found::containsKey)
                .map(found::get)
                .toList();
    }

    @Override
    public Page<Card> cards(CardStatus status, PageRequest page) {
        var index = status == null ? cardsByNumber : cardsByStatus;
        var partition = status == null ? CardItem.LIST_KEY : status.name();
        var cursorKeys = status == null ? CARD_BY_NUMBER_CURSOR : CARD_BY_STATUS_CURSOR;
        var start = start(page, cursorKeys);
        if (start != null && !partition.equals(start.get(cursorKeys.get(1)).s())) {
            throw Cursors.invalid();
        }
        return Pages.page(
                page,
                start,
                (from, limit) -> index.query(
                                r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
                                        .exclusiveStartKey(from)
                                        .limit(limit))
                        .iterator()
                        .next(),
                CardItem.SCHEMA,
                cursorKeys,
                CardItem::toCard);
    }

    @Override
    public Optional<Building> building(String buildingId) {
        return rows.building(buildingId);
    }

    @Override
    public Page<Building> buildings(PageRequest page) {
        return Pages.page(
                page,
                start(page, BUILDING_CURSOR),
                (from, limit) -> rows.buildings
                        .scan(r -> r.exclusiveStartKey(from).limit(limit))
                        .iterator()
                        .next(),
                BuildingItem.SCHEMA,
                BUILDING_CURSOR,
                BuildingItem::toBuilding);
    }

    @Override
    public Optional<Door> door(String doorId) {
        return rows.door(doorId);
    }

    @Override
    public List<Door> doorsOf(String buildingId) {
        return doorsByBuilding
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(buildingId))))
                .stream()
                .flatMap(p -> p.items().stream())
                .map(DoorItem::toDoor)
                .toList();
    }

    @Override
    public List<AccessGrant> grantsOf(String employeeId) {
        return rows.grantsOf(employeeId);
    }

    @Override
    public Page<AccessGrant> grantsFor(String buildingId, PageRequest page) {
        var start = start(page, GRANT_CURSOR);
        if (start != null && !buildingId.equals(start.get("buildingId").s())) {
            throw Cursors.invalid();
        }
        return Pages.page(
                page,
                start,
                (from, limit) -> grantsByBuilding
                        .query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(buildingId)))
                                .exclusiveStartKey(from)
                                .limit(limit))
                        .iterator()
                        .next(),
                GrantItem.SCHEMA,
                GRANT_CURSOR,
                GrantItem::toGrant);
    }

    private static Map<String, AttributeValue> start(PageRequest page, List<String> cursorKeys) {
        return page.cursor() == null ? null : Cursors.decode(page.cursor(), Set.copyOf(cursorKeys));
    }

    /** One key per distinct id. */
    private static List<Key> keys(List<String> ids) {
        return ids.stream()
                .distinct()
                .map(id -> Key.builder().partitionValue(id).build())
                .toList();
    }
}
