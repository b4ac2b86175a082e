package io.badgeflow.aws.dynamodb;

import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.applied;
import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.card;
import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.door;
import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.employee;
import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.grant;
import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.backoffice.UniqueKind;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

@ExtendWith(LocalAws.class)
class DynamoDbBackOfficeDirectoryIntegrationTests {

    private static DynamoDbEnhancedClient enhanced;
    private static BackOfficeTables tables;
    private static DynamoDbBackOfficeDirectory directory;
    private static DynamoDbCommandHistory history;

    @BeforeAll
    static void connect(AwsEnvironment aws) {
        enhanced = AwsClients.enhanced(AwsClients.dynamoDb(aws));
        tables = BackOfficeFixtures.tables(aws);
        directory = new DynamoDbBackOfficeDirectory(enhanced, tables);
        history = new DynamoDbCommandHistory(enhanced, tables.commands());
    }

    @Test
    void pagesThroughEmployeesByFamilyThenGivenNameEachOnce() {
        var family = uniqueName();
        var stored = new ArrayList<Employee>();
        for (var i = 0; i < 25; i++) {
            var employee = employee("Given" + (char) ('a' + i % 5), family + (char) ('Z' - i));
            put(employee);
            stored.add(employee);
        }

        var pages = pages(cursor -> directory.employees(family, new PageRequest(10, cursor)));

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(10, 10, 5);
        assertThat(pages.getLast().next()).isNull();
        var listed = pages.stream().flatMap(page -> page.items().stream()).toList();
        assertThat(listed)
                .containsExactlyElementsOf(stored.stream()
                        .sorted(Comparator.comparing(
                                        (Employee e) -> e.familyName().toLowerCase(Locale.ROOT))
                                .thenComparing(e -> e.givenName().toLowerCase(Locale.ROOT)))
                        .toList());
    }

    @Test
    void findsEmployeesByFamilyNamePrefixWhateverTheCase() {
        var family = uniqueName();
        var vanDijk = employee("Anna", family + "Dijk");
        var vanDam = employee("Bart", family.toUpperCase(Locale.ROOT) + "DAM");
        var other = employee("Carl", uniqueName());
        List.of(vanDijk, vanDam, other).forEach(this::put);

        var upper = directory.employees(family.toUpperCase(Locale.ROOT), PageRequest.first(10));
        var lower = directory.employees(family.toLowerCase(Locale.ROOT) + "d", PageRequest.first(10));
        var narrower = directory.employees(family + "di", PageRequest.first(10));

        assertThat(upper.items()).containsExactly(vanDam, vanDijk);
        assertThat(lower.items()).containsExactly(vanDam, vanDijk);
        assertThat(narrower.items()).containsExactly(vanDijk);
        assertThat(upper.next()).isNull();
    }

    @Test
    void listsNamesWithNumbersInNaturalOrderAndFindsThemByAPrefixEndingInDigits() {
        var family = uniqueName() + " ";
        var ten = employee("Ten", family + "10");
        var two = employee("Two", family + "2");
        var hundred = employee("Hundred", family + "100");
        var twelve = employee("Twelve", family + "12");
        List.of(ten, two, hundred, twelve).forEach(this::put);

        var all = pages(cursor -> directory.employees(family, new PageRequest(2, cursor))).stream()
                .flatMap(page -> page.items().stream())
                .toList();
        var startingWith1 = pages(cursor -> directory.employees(family + "1", new PageRequest(2, cursor))).stream()
                .flatMap(page -> page.items().stream())
                .toList();

        assertThat(all).containsExactly(two, ten, twelve, hundred);
        assertThat(startingWith1).containsExactly(ten, twelve, hundred);
        assertThat(directory.employees(family + "12", PageRequest.first(10)).items())
                .containsExactly(twelve);
    }

    @Test
    void findsAnEmployeeAndACardByTheirNumbersThroughTheClaims() {
        var employee = employee("Dana", uniqueName());
        var card = card(CardStatus.ACTIVE, employee.employeeId(), id("no"));
        put(employee);
        put(card);
        claim(UniqueKind.EMPLOYEE_NUMBER, employee.employeeNumber(), employee.employeeId());
        claim(UniqueKind.CARD_NUMBER, card.cardNumber(), card.cardId());

        assertThat(directory.employeeByNumber(employee.employeeNumber())).contains(employee);
        assertThat(directory.cardByNumber(card.cardNumber())).contains(card);
        assertThat(directory.employeeByNumber("N-nobody-" + UUID.randomUUID())).isEmpty();
        assertThat(directory.cardByNumber(id("no"))).isEmpty();
        assertThat(directory.employee(ClaimItem.key(UniqueKind.EMPLOYEE_NUMBER, employee.employeeNumber())))
                .as("a claim row is no employee")
                .isEmpty();
    }

    @Test
    void listsTheCardsOfAStatusByCardNumberAndNoOthers() {
        var holder = employee("Eve", uniqueName());
        var prefix = "S" + UUID.randomUUID().toString().substring(0, 8);
        var suspended = List.of(
                card(CardStatus.SUSPENDED, holder.employeeId(), prefix + "-3"),
                card(CardStatus.SUSPENDED, holder.employeeId(), prefix + "-1"),
                card(CardStatus.SUSPENDED, holder.employeeId(), prefix + "-2"));
        var active = card(CardStatus.ACTIVE, holder.employeeId(), prefix + "-0");
        suspended.forEach(this::put);
        put(active);

        var listed = pages(cursor -> directory.cards(CardStatus.SUSPENDED, new PageRequest(2, cursor))).stream()
                .flatMap(page -> page.items().stream())
                .toList();
        var all = pages(cursor -> directory.cards(null, new PageRequest(50, cursor))).stream()
                .flatMap(page -> page.items().stream())
                .toList();

        assertThat(listed).allSatisfy(card -> assertThat(card.status()).isEqualTo(CardStatus.SUSPENDED));
        assertThat(listed).extracting(Card::cardNumber).isSorted().doesNotHaveDuplicates();
        assertThat(listed.stream()
                        .filter(card -> card.cardNumber().startsWith(prefix))
                        .toList())
                .extracting(Card::cardNumber)
                .containsExactly(prefix + "-1", prefix + "-2", prefix + "-3");
        assertThat(all).extracting(Card::cardNumber).isSorted().doesNotHaveDuplicates();
        assertThat(all.stream()
                        .filter(card -> card.cardNumber().startsWith(prefix))
                        .toList())
                .extracting(Card::cardNumber)
                .containsExactly(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3");
    }

    @Test
    void readsCardsByIdInTheOrderAskedSkippingUnknownOnes() {
        var holder = employee("Finn", uniqueName());
        var first = card(CardStatus.ACTIVE, holder.employeeId(), id("no"));
        var second = card(CardStatus.ISSUED, null, id("no"));
        put(first);
        put(second);

        var cards = directory.cards(List.of(second.cardId(), id("card"), first.cardId(), second.cardId()));

        assertThat(cards).containsExactly(second, first);
    }

    @Test
    void readsEmployeesByIdInOneBatchInTheOrderAskedSkippingUnknownOnesAndClaims() {
        var ada = employee("Ada", uniqueName());
        var grace = employee("Grace", uniqueName());
        put(ada);
        put(grace);
        claim(UniqueKind.EMPLOYEE_NUMBER, grace.employeeNumber(), grace.employeeId());
        var ids = new ArrayList<String>();
        for (var i = 0; i < 120; i++) {
            ids.add(id("emp"));
        }
        ids.add(grace.employeeId());
        ids.add(ada.employeeId());
        ids.add(grace.employeeId());

        assertThat(directory.employees(ids)).containsExactly(grace, ada);
    }

    @Test
    void listsEveryBuildingOnceAcrossPages() {
        var buildings = List.of(
                new Building(id("bldg"), "North", ZoneId.of("Europe/Berlin"), 1),
                new Building(id("bldg"), "South", ZoneId.of("America/New_York"), 2),
                new Building(id("bldg"), "East", ZoneId.of("Asia/Tokyo"), 1));
        buildings.forEach(building ->
                enhanced.table(tables.buildings(), BuildingItem.SCHEMA).putItem(BuildingItem.from(building)));

        var pages = pages(cursor -> directory.buildings(new PageRequest(2, cursor)));
        var listed = pages.stream().flatMap(page -> page.items().stream()).toList();

        assertThat(listed).doesNotHaveDuplicates().containsAll(buildings);
        assertThat(pages).allSatisfy(page -> assertThat(page.items()).isNotEmpty());
        assertThat(directory.building(buildings.get(1).buildingId())).contains(buildings.get(1));
    }

    @Test
    void listsTheDoorsOfOneBuilding() {
        var buildingId = id("bldg");
        var doors = List.of(door(buildingId, "Main entrance"), door(buildingId, "Garage"), door(buildingId, "Roof"));
        doors.forEach(this::put);
        put(door(id("bldg"), "Elsewhere"));

        assertThat(directory.doorsOf(buildingId)).containsExactlyInAnyOrderElementsOf(doors);
        assertThat(directory.door(doors.getFirst().doorId())).contains(doors.getFirst());
    }

    @Test
    void listsTheGrantsForABuildingInPagesAndAnEmployeesGrants() {
        var buildingId = id("bldg");
        var employees = List.of(employee("G", "One"), employee("G", "Two"), employee("G", "Three"));
        var grants = employees.stream()
                .map(employee -> grant(employee.employeeId(), buildingId))
                .toList();
        grants.forEach(this::put);
        var elsewhere = grant(employees.getFirst().employeeId(), id("bldg"));
        put(elsewhere);

        var pages = pages(cursor -> directory.grantsFor(buildingId, new PageRequest(2, cursor)));

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(2, 1);
        assertThat(pages.stream().flatMap(page -> page.items().stream()))
                .containsExactlyElementsOf(grants.stream()
                        .sorted(Comparator.comparing(AccessGrant::employeeId))
                        .toList());
        assertThat(directory.grantsOf(employees.getFirst().employeeId()))
                .containsExactlyInAnyOrder(grants.getFirst(), elsewhere);
    }

    @Test
    void refusesACursorItDidNotIssue() {
        var buildingId = id("bldg");
        put(grant(id("emp"), buildingId));
        put(grant(id("emp"), buildingId));
        var grantsCursor = directory.grantsFor(buildingId, PageRequest.first(1)).next();
        assertThat(grantsCursor).isNotNull().matches("[A-Za-z0-9_-]+");

        assertThatThrownBy(() -> directory.employees(null, new PageRequest(5, "not a cursor!")))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> directory.employees(null, new PageRequest(5, grantsCursor)))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> directory.grantsFor(id("bldg"), new PageRequest(5, grantsCursor)))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> history.recent(new PageRequest(5, grantsCursor)))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void listsAnEmployeesAndASubjectsCommandsNewestFirst() {
        var employeeId = id("emp");
        var cardId = id("card");
        var base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // whole second, then fractions: with Instant.toString() text order would put the whole second last
        var older = applied("RegisterEmployee", employeeId, null, base);
        var middle = applied("IssueCard", employeeId, cardId, base.plusMillis(500));
        var newest = applied("SuspendCard", employeeId, cardId, base.plusNanos(1_500_000_123L));
        var otherCard = applied("RevokeCard", id("emp"), cardId, base.minusSeconds(60));
        List.of(middle, older, newest, otherCard).forEach(this::put);

        var ofEmployee = pages(cursor -> history.ofEmployee(employeeId, new PageRequest(2, cursor)));
        var ofCard = history.ofSubject(cardId, PageRequest.first(10));

        assertThat(ofEmployee).extracting(page -> page.items().size()).containsExactly(2, 1);
        assertThat(ofEmployee.stream().flatMap(page -> page.items().stream())).containsExactly(newest, middle, older);
        assertThat(ofCard.items()).containsExactly(newest, middle, otherCard);
        assertThat(ofCard.next()).isNull();
    }

    @Test
    void listsRecentCommandsNewestFirstBackAcrossDaysWithinTheWindow() {
        var now = Instant.parse("2031-03-10T12:00:00Z");
        var recent = new DynamoDbCommandHistory(enhanced, tables.commands(), Clock.fixed(now, ZoneOffset.UTC));
        var today = applied("RegisterBuilding", null, id("bldg"), Instant.parse("2031-03-10T01:00:00Z"));
        var yesterday = applied("RegisterDoor", null, id("door"), Instant.parse("2031-03-09T23:00:00Z"));
        var threeDaysAgo = applied("RotateDoorKey", null, id("door"), Instant.parse("2031-03-07T12:00:00Z"));
        var beyondTheWindow = applied("RegisterBuilding", null, id("bldg"), now.minus(Duration.ofDays(31)));
        List.of(today, yesterday, threeDaysAgo, beyondTheWindow).forEach(this::put);
        var expired = applied("SuspendCard", null, id("card"), Instant.parse("2031-03-10T02:00:00Z"));
        enhanced.table(tables.commands(), CommandItem.SCHEMA)
                .putItem(CommandItem.from(expired, now.minusSeconds(1).getEpochSecond(), null));

        var pages = pages(cursor -> recent.recent(new PageRequest(2, cursor)));

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(2, 1);
        assertThat(pages.stream().flatMap(page -> page.items().stream()))
                .containsExactly(today, yesterday, threeDaysAgo);
    }

    @Test
    void listsTodaysCommandsAmongTheMostRecent() {
        var mine = List.of(
                applied("DeactivateEmployee", id("emp"), null, Instant.now().minusSeconds(2)),
                applied("ReactivateEmployee", id("emp"), null, Instant.now().minusSeconds(1)));
        mine.forEach(this::put);

        var listed = directoryRecent(100);

        assertThat(listed).extracting(CommandRecord::finishedAt).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(listed).containsSubsequence(mine.get(1), mine.get(0));
    }

    private static List<CommandRecord> directoryRecent(int size) {
        return history.recent(PageRequest.first(size)).items();
    }

    private static <T> List<Page<T>> pages(Function<String, Page<T>> read) {
        var pages = new ArrayList<Page<T>>();
        String cursor = null;
        do {
            var page = read.apply(cursor);
            pages.add(page);
            cursor = page.next();
        } while (cursor != null && pages.size() < 50);
        return pages;
    }

    private static String uniqueName() {
        return "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private void put(Employee employee) {
        enhanced.table(tables.employees(), EmployeeItem.SCHEMA).putItem(EmployeeItem.from(employee));
    }

    private void put(Card card) {
        enhanced.table(tables.cards(), CardItem.SCHEMA).putItem(CardItem.from(card));
    }

    private void put(io.badgeflow.model.door.Door door) {
        enhanced.table(tables.doors(), DoorItem.SCHEMA).putItem(DoorItem.from(door));
    }

    private void put(AccessGrant grant) {
        enhanced.table(tables.grants(), GrantItem.SCHEMA).putItem(GrantItem.from(grant));
    }

    private void put(CommandRecord record) {
        enhanced.table(tables.commands(), CommandItem.SCHEMA)
                .putItem(CommandItem.from(
                        record, record.finishedAt().plus(Duration.ofDays(90)).getEpochSecond(), null));
    }

    private void claim(UniqueKind kind, String value, String ownerId) {
        enhanced.table(kind == UniqueKind.EMPLOYEE_NUMBER ? tables.employees() : tables.cards(), ClaimItem.schema(kind))
                .putItem(ClaimItem.of(kind, value, ownerId));
    }
}
