package io.badgeflow.admin.audit;

import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditEntry;
import java.util.List;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin audit trail for admins and auditors: whether the hash chain is intact (see {@code docs/admin-audit.md})
 * and its newest blocks. A broken chain is a finding, not an error, so verify always answers 200 and says what it
 * found. Operators run the system but do not audit it.
 */
@RestController
@RequestMapping("/api/v1/admin-audit")
class AdminAuditController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /**
     * At most this many distinct subjects are named per listing (a block holds up to 500 entries, a listing up to
     * 100 blocks): the names cost one batch read per 100, so a large listing names the newest and shows the rest by id.
     */
    static final int MAX_NAMED_SUBJECTS = 500;

    private final AdminAuditTrail trail;
    private final PeopleNames people;

    AdminAuditController(AdminAuditTrail trail, PeopleNames people) {
        this.trail = trail;
        this.people = people;
    }

    /** Recomputes the whole chain from block 1 to the head; the time it takes grows with the chain. */
    @GetMapping("/verify")
    @PreAuthorize(Roles.ADMIN_OR_AUDITOR)
    ChainVerificationView verify() {
        return ChainVerificationView.of(trail.verify());
    }

    /** Newest first; a stored block that cannot be read any more fails the listing (500), and verify names it. */
    @GetMapping
    @PreAuthorize(Roles.ADMIN_OR_AUDITOR)
    AuditBlocksView latest(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        var blocks = trail.latest(limit);
        var entries = blocks.stream().flatMap(block -> block.entries().stream()).toList();
        var names = people.of(
                entries.stream()
                        .map(AuditEntry::subjectId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .limit(MAX_NAMED_SUBJECTS)
                        .toList(),
                entries.stream().map(AuditEntry::actor).toList());
        return new AuditBlocksView(
                blocks.stream().map(block -> AuditBlockView.of(block, names)).toList());
    }

    /** The body of {@code GET /api/v1/admin-audit}: the newest blocks first. */
    record AuditBlocksView(List<AuditBlockView> items) {}
}
