package io.badgeflow.accessstream.offline;

import java.util.List;

/**
 * What a door uploads once it reaches the service again: the decisions it made from its allow-list, each with its
 * original time. Text fields are read as text and checked by the model, like the decision API's body.
 */
record OfflineDecisionUpload(List<Item> decisions) {

    /**
     * One offline decision.
     *
     * @param allowListVersion the version of the list the door decided from
     */
    record Item(
            String eventId,
            String cardNumber,
            String direction,
            String occurredAt,
            String decision,
            String reason,
            String rule,
            String policyVersion,
            Long allowListVersion) {}
}
