package io.badgeflow.model.erasure;

import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.LocalDate;

/**
 * Port: the visitors and contractors whose days are over but who were never offboarded, so their personal data
 * would otherwise be kept for ever. Offboarding a person takes them out of this listing, so a run that stopped
 * half-way starts again where work remains.
 */
public interface EndedAffiliations {

    /**
     * Ids of the ACTIVE or INACTIVE people of {@code kind} (VISITOR or CONTRACTOR) whose last day lies before
     * {@code day}, soonest ended first.
     */
    Page<String> endedBefore(Affiliation.Kind kind, LocalDate day, PageRequest page);
}
