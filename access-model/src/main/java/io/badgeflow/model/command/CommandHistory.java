package io.badgeflow.model.command;

import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;

/** Port: finished commands as histories, newest first. */
public interface CommandHistory {

    /** Every command that concerned the employee (their own, and those on their cards and grants). */
    Page<CommandRecord> ofEmployee(String employeeId, PageRequest page);

    /** Every command that concerned one card, building or door. */
    Page<CommandRecord> ofSubject(String subjectId, PageRequest page);

    /** The most recent commands of all kinds. */
    Page<CommandRecord> recent(PageRequest page);
}
