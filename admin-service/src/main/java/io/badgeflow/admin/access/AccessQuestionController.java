package io.badgeflow.admin.access;

import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.Require;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.access.Candidate;
import io.badgeflow.model.access.Decision;
import io.badgeflow.model.access.EntryPolicy;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.paging.PageRequest;
import io.badgeflow.model.text.NaturalOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Explainable access: "who can enter through door D at T" and "where can employee E enter at T", answered by the
 * entry rules themselves ({@link EntryPolicy}), not by a second copy of them, so the answer is what a swipe at
 * that moment would get. The place (door, building, anti-passback) is read strongly consistent from the
 * back-office tables; the person is the employee with their current card and grants. Presence is left out: the
 * question is about permission, not about who is inside.
 */
@RestController
class AccessQuestionController {

    private final BackOfficeDirectory directory;
    private final EntryPolicy policy;
    private final Clock clock;

    AccessQuestionController(BackOfficeDirectory directory, AccessFacts facts, Clock clock) {
        this.directory = directory;
        this.policy = new EntryPolicy(facts, clock);
        this.clock = clock;
    }

    /**
     * Everyone holding a grant for the door's building, split by what the rules answer for them at {@code at}
     * (default now): {@code granted}, and {@code refused} with the rule and reason.
     */
    @GetMapping("/api/v1/doors/{doorId}/who-can-enter")
    @PreAuthorize(Roles.ANY_STAFF)
    WhoCanEnterView whoCanEnter(@PathVariable String doorId, @RequestParam(required = false) Instant at) {
        Require.id("doorId", doorId);
        var door = directory.door(doorId).orElseThrow(() -> NotFound.of("door", doorId));
        var moment = at == null ? clock.instant() : at;
        var grants = allGrantsFor(door.buildingId());
        var employees =
                directory.employees(grants.stream().map(AccessGrant::employeeId).toList());
        var cards = currentCards(employees);
        var byEmployee =
                grants.stream().collect(Collectors.toMap(AccessGrant::employeeId, Function.identity(), (a, b) -> a));
        var granted = new ArrayList<PersonAnswer>();
        var refused = new ArrayList<PersonAnswer>();
        for (var employee : employees) {
            // An employee without a card has no current card id; the map of cards holds no null key.
            var card = employee.currentCardId() == null ? null : cards.get(employee.currentCardId());
            var candidate = new Candidate(employee, card, List.of(byEmployee.get(employee.employeeId())));
            var decision = policy.canEnterThrough(candidate, doorId, moment);
            (decision.granted() ? granted : refused).add(PersonAnswer.of(employee, card, decision));
        }
        granted.sort(PersonAnswer.BY_NAME);
        refused.sort(PersonAnswer.BY_NAME);
        return new WhoCanEnterView(
                doorId, door.name(), door.buildingId(), moment, EntryPolicy.VERSION, granted, refused);
    }

    /**
     * Per building the employee holds a grant for (or only {@code buildingId}, granted or not), whether the rules
     * would let them in at {@code at} (default now) with their current card, and why.
     */
    @GetMapping("/api/v1/employees/{employeeId}/can-enter")
    @PreAuthorize(Roles.ANY_STAFF)
    CanEnterView canEnter(
            @PathVariable String employeeId,
            @RequestParam(required = false) Instant at,
            @RequestParam(required = false) String buildingId) {
        Require.id("employeeId", employeeId);
        var oneBuilding = buildingId != null && !buildingId.isBlank();
        if (oneBuilding) {
            Require.id("buildingId", buildingId);
        }
        var employee = directory.employee(employeeId).orElseThrow(() -> NotFound.of("employee", employeeId));
        var moment = at == null ? clock.instant() : at;
        var grants = directory.grantsOf(employeeId);
        var card = employee.currentCardId() == null
                ? null
                : directory.card(employee.currentCardId()).orElse(null);
        var candidate = new Candidate(employee, card, grants);
        List<String> buildingIds;
        if (oneBuilding) {
            buildingIds = List.of(buildingId);
        } else {
            buildingIds =
                    grants.stream().map(AccessGrant::buildingId).distinct().toList();
        }
        var answers = new ArrayList<BuildingAnswer>();
        for (var id : buildingIds) {
            var building = directory.building(id);
            if (building.isEmpty()) {
                if (oneBuilding) {
                    throw NotFound.of("building", id);
                }
                continue; // a grant for a building since removed: nothing to enter
            }
            answers.add(BuildingAnswer.of(building.get(), policy.canEnter(candidate, building.get(), moment)));
        }
        answers.sort(Comparator.comparing(BuildingAnswer::buildingName, NaturalOrder.INSTANCE));
        return new CanEnterView(employeeId, card == null ? null : card.cardId(), moment, EntryPolicy.VERSION, answers);
    }

    private List<AccessGrant> allGrantsFor(String buildingId) {
        var grants = new ArrayList<AccessGrant>();
        String cursor = null;
        do {
            var page = directory.grantsFor(buildingId, new PageRequest(PageRequest.MAX_SIZE, cursor));
            grants.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return grants;
    }

    private Map<String, Card> currentCards(List<Employee> employees) {
        var ids = employees.stream()
                .map(Employee::currentCardId)
                .filter(Objects::nonNull)
                .toList();
        return ids.isEmpty()
                ? Map.of()
                : directory.cards(ids).stream().collect(Collectors.toMap(Card::cardId, Function.identity()));
    }

    /** The answer for a door: who gets in, and who holds a grant but would be refused (with the rule). */
    record WhoCanEnterView(
            String doorId,
            String doorName,
            String buildingId,
            Instant at,
            String policyVersion,
            List<PersonAnswer> granted,
            List<PersonAnswer> refused) {}

    /** One person's answer at a door. */
    record PersonAnswer(
            String employeeId,
            String employeeNumber,
            String givenName,
            String familyName,
            String employeeStatus,
            String cardId,
            String cardNumber,
            String cardStatus,
            String decision,
            String reason,
            String rule,
            String policyVersion) {

        static final Comparator<PersonAnswer> BY_NAME = Comparator.comparing(
                        PersonAnswer::familyName, NaturalOrder.INSTANCE)
                .thenComparing(PersonAnswer::givenName, NaturalOrder.INSTANCE)
                .thenComparing(PersonAnswer::employeeNumber, NaturalOrder.INSTANCE)
                .thenComparing(PersonAnswer::employeeId);

        static PersonAnswer of(Employee employee, Card card, Decision decision) {
            return new PersonAnswer(
                    employee.employeeId(),
                    employee.employeeNumber(),
                    employee.givenName(),
                    employee.familyName(),
                    employee.status().name(),
                    card == null ? null : card.cardId(),
                    card == null ? null : card.cardNumber(),
                    card == null ? null : card.status().name(),
                    decision.decision().name(),
                    decision.reason().name(),
                    decision.rule(),
                    decision.policyVersion());
        }
    }

    /** The answer for an employee: one entry per building. */
    record CanEnterView(
            String employeeId, String cardId, Instant at, String policyVersion, List<BuildingAnswer> buildings) {}

    /** Whether the employee could enter one building, and the rule that said so. */
    record BuildingAnswer(
            String buildingId,
            String buildingName,
            String decision,
            String reason,
            String rule,
            String policyVersion,
            String cardStatus) {

        static BuildingAnswer of(Building building, Decision decision) {
            return new BuildingAnswer(
                    building.buildingId(),
                    building.name(),
                    decision.decision().name(),
                    decision.reason().name(),
                    decision.rule(),
                    decision.policyVersion(),
                    decision.cardStatus() == null ? null : decision.cardStatus().name());
        }
    }
}
