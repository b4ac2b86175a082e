package io.badgeflow.accessstream.decision;

import io.badgeflow.model.access.Decision;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Outcome;
import java.time.Instant;

/**
 * What the reader is told: open or not, and why, in the terms an installer can look up. {@code cardStatus} is
 * there when a card was found (it explains CARD_NOT_ACTIVE); no name or other personal data is answered.
 */
record DecisionAnswer(
        String eventId,
        Outcome decision,
        DecisionReason reason,
        String rule,
        String policyVersion,
        CardStatus cardStatus,
        Instant decidedAt) {

    static DecisionAnswer of(Decision decision) {
        return new DecisionAnswer(
                decision.eventId(),
                decision.decision(),
                decision.reason(),
                decision.rule(),
                decision.policyVersion(),
                decision.cardStatus(),
                decision.decidedAt());
    }
}
