package io.badgeflow.admin.scim;

import io.badgeflow.admin.command.AcceptedAnswer;
import io.badgeflow.admin.command.CommandSubmissions;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * SCIM's way to the domain: the same command documents the back-office API writes (so card-events applies them and
 * appends them to the admin audit chain, with the SCIM client's id as the actor), then a bounded wait until the
 * command is applied. A SCIM client expects the changed resource in the answer, not a command to follow; so the
 * answer waits for the command's outcome for at most {@code badgeflow.admin-service.scim.apply-wait}. A rejection
 * becomes the SCIM error of its reason; a command still pending after the wait answers 503 with
 * {@code Retry-After} (it stays accepted and will be applied: a retried create then finds the person taken, 409).
 */
@Component
public class ScimCommands {

    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration LONGEST_POLL = Duration.ofMillis(500);

    private final CommandSubmissions submissions;
    private final CommandLog log;
    private final Clock clock;
    private final Duration applyWait;

    ScimCommands(
            CommandSubmissions submissions,
            CommandLog log,
            Clock clock,
            @Value("${badgeflow.admin-service.scim.apply-wait:10s}") Duration applyWait) {
        this.submissions = submissions;
        this.log = log;
        this.clock = clock;
        this.applyWait = applyWait;
    }

    /** Submits the command and returns once it is applied; throws the SCIM error of a rejection or a timeout. */
    <C extends Command> void run(Jwt caller, Function<CommandSubmissions.Stamp, C> command) {
        var answer = submissions.submit(caller, null, null, command, c -> new Accepted(c.commandId()), Accepted.class);
        var commandId = answer.getBody().commandId();
        var deadline = clock.instant().plus(applyWait);
        var pause = FIRST_POLL;
        while (true) {
            var outcome = log.find(commandId);
            if (outcome.isPresent()) {
                if (outcome.get().status() == CommandStatus.APPLIED) {
                    return;
                }
                throw rejected(outcome.get());
            }
            if (clock.instant().isAfter(deadline)) {
                throw new ScimPendingException(commandId, applyWait);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScimPendingException(commandId, applyWait);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : pause.multipliedBy(2);
        }
    }

    /** The SCIM error of a rejection: uniqueness for a taken employee number, mutability for an offboarded person. */
    static ScimException rejected(CommandRecord record) {
        var detail = "Rejected (" + record.reason() + ")" + (record.message() == null ? "" : ": " + record.message());
        return switch (record.reason()) {
            case EMPLOYEE_NUMBER_TAKEN, EMPLOYEE_ALREADY_EXISTS -> ScimException.uniqueness(detail);
            case EMPLOYEE_NOT_FOUND, BUILDING_NOT_FOUND, GRANT_NOT_FOUND ->
                new ScimException(HttpStatus.NOT_FOUND, null, detail);
            case EMPLOYEE_OFFBOARDED -> ScimException.mutability(detail);
            case STALE_UPDATE -> new ScimException(HttpStatus.CONFLICT, null, detail);
            default -> ScimException.invalidValue(detail);
        };
    }

    /** What the submission answers; only its command id is used. */
    record Accepted(String commandId) implements AcceptedAnswer {}

    /** Accepted but not applied within the wait: 503 with Retry-After, naming the command. */
    static final class ScimPendingException extends ScimException {

        ScimPendingException(String commandId, Duration waited) {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    null,
                    "The change was accepted as command " + commandId + " but not applied within " + waited.toSeconds()
                            + " s; it will be applied. Read the resource again before retrying.");
        }
    }
}
