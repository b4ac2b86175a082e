package io.badgeflow.model.backoffice;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.backoffice.Change.Claim;
import io.badgeflow.model.backoffice.Change.SaveCard;
import io.badgeflow.model.backoffice.Change.SaveEmployee;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.LinkCard;
import io.badgeflow.model.command.NotYetKnownException;
import io.badgeflow.model.command.SetCardValidity;
import io.badgeflow.model.employee.Employee;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The card commands. Whenever a card becomes or stops being an employee's current card, the employee's new
 * version is written in the same transaction, which is what keeps "at most one current card per employee"
 * true under concurrent commands.
 */
final class CardDecisions {

    private final BackOfficeStore store;

    CardDecisions(BackOfficeStore store) {
        this.store = store;
    }

    Decision issue(IssueCard command) {
        if (store.card(command.cardId()).isPresent()) {
            throw new RejectedException(
                    RejectionReason.CARD_ALREADY_EXISTS, "card " + command.cardId() + " is already issued");
        }
        var card = Card.issued(
                command.cardId(),
                command.cardNumber(),
                command.employeeId(),
                command.validFrom(),
                command.validUntil(),
                command.occurredAt());
        var changes = new ArrayList<Change>(
                List.of(new SaveCard(card), new Claim(UniqueKind.CARD_NUMBER, card.cardNumber(), card.cardId())));
        if (command.employeeId() != null) {
            var employee = employee(command.employeeId());
            employee.requireNotOffboarded();
            if (employee.hasCurrentCard()) {
                changes.add(new SaveCard(card(employee.currentCardId()).superseded()));
            }
            changes.add(new SaveEmployee(employee.holding(card.cardId())));
        }
        return new Decision(changes, command.employeeId(), card.cardId());
    }

    Decision link(LinkCard command) {
        var card = card(command.cardId());
        var employee = employee(command.employeeId());
        var linked = card.linkedTo(employee.employeeId());
        employee.requireNotOffboarded();
        if (employee.hasCurrentCard()) {
            throw new RejectedException(
                    RejectionReason.EMPLOYEE_HAS_CARD,
                    "employee " + employee.employeeId() + " already holds card " + employee.currentCardId()
                            + "; issue a new card to replace it");
        }
        return Decision.of(
                employee.employeeId(),
                card.cardId(),
                new SaveCard(linked),
                new SaveEmployee(employee.holding(card.cardId())));
    }

    Decision unlink(String cardId) {
        var card = card(cardId);
        var unlinked = card.unlinked();
        var employee = employee(card.employeeId());
        return Decision.of(
                employee.employeeId(), cardId, new SaveCard(unlinked), new SaveEmployee(employee.without(cardId)));
    }

    Decision suspend(String cardId) {
        return sameHolder(cardId, Card::suspended);
    }

    Decision resume(String cardId) {
        return sameHolder(cardId, Card::resumed);
    }

    Decision setValidity(SetCardValidity command) {
        return sameHolder(
                command.cardId(),
                card -> card.withValidity(command.validFrom(), command.validUntil(), command.occurredAt()));
    }

    Decision reportLost(String cardId) {
        return ending(cardId, Card::lost);
    }

    Decision revoke(String cardId) {
        return ending(cardId, Card::revoked);
    }

    /** A change that leaves the card with the same holder: only the card is written. */
    private Decision sameHolder(String cardId, UnaryOperator<Card> transition) {
        var card = card(cardId);
        return Decision.of(card.employeeId(), cardId, new SaveCard(transition.apply(card)));
    }

    /** A card that ends for good stops being its employee's current card. */
    private Decision ending(String cardId, UnaryOperator<Card> transition) {
        var card = card(cardId);
        var ended = transition.apply(card);
        if (!card.isCurrent()) {
            return Decision.of(card.employeeId(), cardId, new SaveCard(ended));
        }
        var employee = employee(card.employeeId());
        var changes = new ArrayList<Change>(List.of(new SaveCard(ended)));
        if (cardId.equals(employee.currentCardId())) {
            changes.add(new SaveEmployee(employee.withoutCurrentCard()));
        }
        return new Decision(changes, employee.employeeId(), cardId);
    }

    private Card card(String cardId) {
        return store.card(cardId).orElseThrow(() -> NotYetKnownException.card(cardId));
    }

    private Employee employee(String employeeId) {
        return store.employee(employeeId).orElseThrow(() -> NotYetKnownException.employee(employeeId));
    }
}
