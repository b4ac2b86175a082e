package io.badgeflow.admin.command;

import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.Require;
import java.time.Instant;
import io.badgeflow.admin.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where a command stands. The log holds finished commands; a command whose document is stored but not yet
 * finished is PENDING. Nothing writes PENDING anywhere, so there is no second write to get out of step.
 */
@RestController
@RequestMapping("/api/v1/commands")
class CommandController {

    private final CommandLog log;
    private final CommandDocumentStore documents;

    CommandController(CommandLog log, CommandDocumentStore documents) {
        this.log = log;
        this.documents = documents;
    }

    @GetMapping("/{commandId}")
    @PreAuthorize(Roles.ANY_STAFF)
    CommandView status(@PathVariable String commandId) {
        Require.id("commandId", commandId);
        return log.find(commandId)
                .map(r -> new CommandView(r.commandId(), r.type(), r.status(),
                        r.reason() == null ? null : r.reason().name(), r.message(), r.finishedAt()))
                .orElseGet(() -> {
                    if (!documents.exists(commandId)) {
                        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no command " + commandId);
                    }
                    return new CommandView(commandId, null, CommandStatus.PENDING, null, null, null);
                });
    }

    /** The API's view of one command. */
    record CommandView(String commandId, String type, CommandStatus status, String reason, String message,
            Instant finishedAt) {
    }
}
