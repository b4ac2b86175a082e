package io.badgeflow.admin.command;

import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.admin.web.Paging;
import io.badgeflow.model.Require;
import io.badgeflow.model.command.CommandHistory;
import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.paging.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a command stands. The log holds finished commands; a command whose document is stored but not yet
 * finished is PENDING. Nothing writes PENDING anywhere, so there is no second write to get out of step.
 */
@RestController
@RequestMapping("/api/v1/commands")
class CommandController {

    private final CommandLog log;
    private final CommandHistory history;
    private final CommandDocumentStore documents;
    private final PeopleNames people;

    CommandController(CommandLog log, CommandHistory history, CommandDocumentStore documents, PeopleNames people) {
        this.people = people;
        this.log = log;
        this.history = history;
        this.documents = documents;
    }

    /** The most recently finished commands of every kind; pending ones are not in a history yet. */
    @GetMapping
    @PreAuthorize(Roles.ANY_STAFF)
    Page<CommandView> recent(
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size, @RequestParam(required = false) String cursor) {
        return Paging.mapPage(history.recent(Paging.request(size, cursor)), records -> CommandView.of(records, people));
    }

    /**
     * Where one command stands, from the log alone: the UI polls this every half second while it follows a
     * command, so it joins no names (the listings do).
     */
    @GetMapping("/{commandId}")
    @PreAuthorize(Roles.ANY_STAFF)
    CommandView status(@PathVariable String commandId) {
        Require.id("commandId", commandId);
        return log.find(commandId)
                .map(record -> CommandView.of(record, PeopleNames.Known.NONE))
                .orElseGet(() -> {
                    if (!documents.exists(commandId)) {
                        throw NotFound.of("command", commandId);
                    }
                    return CommandView.pending(commandId);
                });
    }
}
