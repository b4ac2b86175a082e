package io.badgeflow.aws.dynamodb;

import static io.badgeflow.aws.dynamodb.BackOfficeFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.DeactivateEmployee;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.RegisterVisitor;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.paging.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The visitors and contractors whose days are over, read from the employees table's {@code byAffiliation} index on
 * the local AWS: the range ends before the given day, one kind per listing, soonest ended first, and people already
 * offboarded are left out (they keep their affiliation, so the index still holds them).
 */
@ExtendWith(LocalAws.class)
class DynamoDbEndedAffiliationsIntegrationTests {

    /** Days long past, which no other test's visitor ends on. */
    private static final LocalDate DAY = LocalDate.parse("2001-03-03");

    private static final Instant ISSUED = Instant.parse("2026-12-08T13:00:00Z");

    private static CommandApplier applier;
    private static DynamoDbEndedAffiliations ended;

    @BeforeAll
    static void connect(AwsEnvironment aws) {
        var enhanced = AwsClients.enhanced(AwsClients.dynamoDb(aws));
        var tables = BackOfficeFixtures.tables(aws);
        applier = new CommandApplier(
                new DynamoDbBackOfficeStore(enhanced, tables, Duration.ofDays(1)),
                new DynamoDbCommandLog(enhanced, tables.commands()),
                Clock.systemUTC(),
                Duration.ofSeconds(2));
        ended = new DynamoDbEndedAffiliations(enhanced, tables.employees());
    }

    @Test
    void listsTheStillActiveOrInactivePeopleOfAKindWhoseLastDayIsBeforeTheDaySoonestEndedFirst() {
        var buildingId = id("bldg");
        var hostId = id("host");
        applied(new RegisterBuilding(id("c"), "it", ISSUED, buildingId, "Midtown", "America/New_York"));
        applied(new RegisterEmployee(
                id("c"), "it", ISSUED, hostId, "N-" + hostId, "Hedy", "Lamarr", "hedy@example.com", null));
        applied(new GrantAccess(id("c"), "it", ISSUED, hostId, buildingId, null, null, null));
        var earlier = id("vis-earlier");
        var later = id("vis-later");
        var inactive = id("vis-inactive");
        var lastDayIsTheDay = id("vis-on-the-day");
        var offboarded = id("vis-offboarded");
        var contractor = id("con");
        applied(visitor(later, buildingId, Affiliation.visitor(hostId, null, DAY.minusDays(1), DAY.minusDays(1))));
        applied(visitor(earlier, buildingId, Affiliation.visitor(hostId, null, DAY.minusDays(2), DAY.minusDays(2))));
        applied(visitor(inactive, buildingId, Affiliation.visitor(hostId, null, DAY.minusDays(1), DAY.minusDays(1))));
        applied(new DeactivateEmployee(id("c"), "it", ISSUED, inactive));
        applied(visitor(lastDayIsTheDay, buildingId, Affiliation.visitor(hostId, null, DAY, DAY)));
        applied(visitor(offboarded, buildingId, Affiliation.visitor(hostId, null, DAY.minusDays(2), DAY.minusDays(2))));
        applied(new OffboardEmployee(id("c"), "it", ISSUED, offboarded));
        applied(visitor(contractor, buildingId, Affiliation.contractor("Acme", null, null, DAY.minusDays(1))));

        var visitors = all(Affiliation.Kind.VISITOR);
        var contractors = all(Affiliation.Kind.CONTRACTOR);

        assertThat(visitors).containsSubsequence(earlier, later).contains(inactive);
        assertThat(visitors).doesNotContain(lastDayIsTheDay, offboarded, contractor);
        assertThat(contractors).contains(contractor).doesNotContain(earlier, later);
    }

    /** Every page of one size, so the cursor is crossed between people. */
    private static List<String> all(Affiliation.Kind kind) {
        var ids = new ArrayList<String>();
        String cursor = null;
        do {
            var page = ended.endedBefore(kind, DAY, new PageRequest(1, cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(1);
            ids.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return ids;
    }

    private static RegisterVisitor visitor(String employeeId, String buildingId, Affiliation affiliation) {
        return new RegisterVisitor(
                id("c"),
                "reception",
                ISSUED,
                employeeId,
                "V-" + employeeId,
                "Grace",
                "Hopper",
                null,
                affiliation,
                List.of(buildingId),
                "card-" + employeeId,
                id("V"));
    }

    private static void applied(Command command) {
        var record = applier.apply(command, "commands/" + command.commandId() + ".json");
        assertThat(record.status()).as(record.message()).isEqualTo(CommandStatus.APPLIED);
    }
}
