package io.badgeflow.accessstream.offline;

import io.badgeflow.model.access.Candidate;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everyone holding a grant for a building, with their current card and that grant: the people a door's list is
 * chosen from. Three kinds of reads per building (the grants index, then the employees and cards in batches),
 * made only when a list is made again, never per swipe.
 */
final class BuildingCandidates {

    private final BackOfficeDirectory directory;

    BuildingCandidates(BackOfficeDirectory directory) {
        this.directory = directory;
    }

    List<Candidate> of(String buildingId) {
        var grants = new ArrayList<AccessGrant>();
        String cursor = null;
        do {
            var page = directory.grantsFor(buildingId, new PageRequest(PageRequest.MAX_SIZE, cursor));
            grants.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        if (grants.isEmpty()) {
            return List.of();
        }
        var byEmployee =
                grants.stream().collect(Collectors.toMap(AccessGrant::employeeId, Function.identity(), (a, b) -> a));
        var employees = directory.employees(List.copyOf(byEmployee.keySet()));
        var cardIds = employees.stream()
                .map(Employee::currentCardId)
                .filter(Objects::nonNull)
                .toList();
        Map<String, Card> cards = cardIds.isEmpty()
                ? Map.of()
                : directory.cards(cardIds).stream().collect(Collectors.toMap(Card::cardId, Function.identity()));
        var candidates = new ArrayList<Candidate>();
        for (var employee : employees) {
            var card = employee.currentCardId() == null ? null : cards.get(employee.currentCardId());
            candidates.add(new Candidate(employee, card, List.of(byEmployee.get(employee.employeeId()))));
        }
        return candidates;
    }
}
