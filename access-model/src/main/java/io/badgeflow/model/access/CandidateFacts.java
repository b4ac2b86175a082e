package io.badgeflow.model.access;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import java.util.Optional;

/**
 * The facts as one candidate's question sees them: the place (door, building, anti-passback) from the real
 * facts, the person only from the candidate, and nobody inside anywhere. This is how "who can enter" runs the
 * same rules as a swipe instead of a copy of them.
 */
final class CandidateFacts implements AccessFacts {

    private final AccessFacts place;
    private final Candidate candidate;

    CandidateFacts(AccessFacts place, Candidate candidate) {
        this.place = place;
        this.candidate = candidate;
    }

    @Override
    public Optional<Door> door(String doorId) {
        return place.door(doorId);
    }

    @Override
    public Optional<Building> building(String buildingId) {
        return place.building(buildingId);
    }

    @Override
    public AntiPassback antiPassback(String buildingId) {
        return place.antiPassback(buildingId);
    }

    @Override
    public Optional<Card> cardByNumber(String cardNumber) {
        return Optional.ofNullable(candidate.card())
                .filter(card -> card.cardNumber().equals(cardNumber));
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        return Optional.of(candidate.employee())
                .filter(employee -> employee.employeeId().equals(employeeId));
    }

    @Override
    public Optional<AccessGrant> grant(String employeeId, String buildingId) {
        return candidate.grants().stream()
                .filter(grant -> grant.employeeId().equals(employeeId)
                        && grant.buildingId().equals(buildingId))
                .findFirst();
    }

    @Override
    public Optional<Presence> presence(String employeeId, String buildingId) {
        return Optional.empty();
    }
}
