package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.onboarding.KnownPerson;
import io.badgeflow.model.onboarding.Roster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The roster an HR sync reconciles against, read as three strongly consistent Scans run side by side (employees,
 * cards, grants), each projecting only the attributes the comparison needs: cost grows with the number of people,
 * one page (up to 1 MB) per call, instead of one GetItem per file row. Claims (keys starting with {@code #}) and
 * offboarded employees are skipped; so is any person whose item carries an {@code affiliationKind} (visitors and
 * contractors, see {@link EmployeeItem}; an employee's item has none): an HR export does not list them, so it must not
 * offboard them. Memory: one small record
 * per person.
 */
public final class DynamoDbRoster implements Roster {

    private final DynamoDbClient dynamoDb;
    private final BackOfficeTables tables;

    public DynamoDbRoster(DynamoDbClient dynamoDb, BackOfficeTables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    private record CurrentCard(String number, Instant validFrom, Instant validUntil) {}

    @Override
    public List<KnownPerson> everyone() {
        var cards = CompletableFuture.supplyAsync(this::currentCards);
        var grants = CompletableFuture.supplyAsync(this::buildingsByEmployee);
        var employees = new ArrayList<Map<String, AttributeValue>>();
        scan(
                tables.employees(),
                List.of(
                        "employeeId",
                        "employeeNumber",
                        "givenName",
                        "familyName",
                        "email",
                        "department",
                        "status",
                        "currentCardId",
                        "version",
                        "affiliationKind"),
                item -> {
                    var status = text(item, "status");
                    if (!text(item, "employeeId").startsWith("#")
                            && ("ACTIVE".equals(status) || "INACTIVE".equals(status))
                            && text(item, "affiliationKind") == null) {
                        employees.add(item);
                    }
                });
        Map<String, CurrentCard> current;
        Map<String, SortedSet<String>> buildings;
        try {
            current = cards.join();
            buildings = grants.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
        var people = new ArrayList<KnownPerson>(employees.size());
        for (var item : employees) {
            var employeeId = text(item, "employeeId");
            var cardId = text(item, "currentCardId");
            var card = cardId == null ? null : current.get(cardId);
            people.add(new KnownPerson(
                    employeeId,
                    text(item, "employeeNumber"),
                    text(item, "givenName"),
                    text(item, "familyName"),
                    text(item, "email"),
                    text(item, "department"),
                    EmployeeStatus.valueOf(text(item, "status")),
                    Long.parseLong(item.get("version").n()),
                    card == null ? null : cardId,
                    card == null ? null : card.number(),
                    card == null ? null : card.validFrom(),
                    card == null ? null : card.validUntil(),
                    buildings.getOrDefault(employeeId, new TreeSet<>())));
        }
        return people;
    }

    /** Cards that are someone's current card (ACTIVE or SUSPENDED), by card id. */
    private Map<String, CurrentCard> currentCards() {
        var cards = new HashMap<String, CurrentCard>();
        scan(tables.cards(), List.of("cardId", "cardNumber", "status", "validFrom", "validUntil"), item -> {
            var status = text(item, "status");
            if ("ACTIVE".equals(status) || "SUSPENDED".equals(status)) {
                cards.put(
                        text(item, "cardId"),
                        new CurrentCard(
                                text(item, "cardNumber"), instant(item, "validFrom"), instant(item, "validUntil")));
            }
        });
        return cards;
    }

    private Map<String, SortedSet<String>> buildingsByEmployee() {
        var grants = new HashMap<String, SortedSet<String>>();
        scan(
                tables.grants(),
                List.of("employeeId", "buildingId"),
                item -> grants.computeIfAbsent(text(item, "employeeId"), id -> new TreeSet<>())
                        .add(text(item, "buildingId")));
        return grants;
    }

    /** Every attribute goes through a name placeholder: some (status, ...) are reserved words in expressions. */
    private void scan(String table, List<String> attributes, Consumer<Map<String, AttributeValue>> each) {
        var names = new HashMap<String, String>();
        for (var i = 0; i < attributes.size(); i++) {
            names.put("#a" + i, attributes.get(i));
        }
        var request = ScanRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .projectionExpression(String.join(", ", names.keySet()))
                .expressionAttributeNames(names)
                .build();
        for (var page : dynamoDb.scanPaginator(request)) {
            page.items().forEach(each);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null || value.s() == null ? null : value.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        var value = text(item, name);
        return value == null ? null : Instant.parse(value);
    }
}
