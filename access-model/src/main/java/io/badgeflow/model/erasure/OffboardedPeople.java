package io.badgeflow.model.erasure;

import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Instant;

/**
 * Port: the offboarded people whose personal data is still stored, by when they were offboarded. Erasing a person
 * takes them out of this listing, so a sweep that stopped half-way starts again where work remains.
 */
public interface OffboardedPeople {

    /** Ids of offboarded, not yet erased people offboarded before {@code cutoff}, oldest offboarding first. */
    Page<String> offboardedBefore(Instant cutoff, PageRequest page);
}
