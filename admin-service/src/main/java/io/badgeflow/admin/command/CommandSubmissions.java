package io.badgeflow.admin.command;

import io.badgeflow.admin.idempotency.IdempotencyKeyReusedException;
import io.badgeflow.admin.idempotency.IdempotencyRefusal;
import io.badgeflow.admin.idempotency.IdempotencyRefusals;
import io.badgeflow.admin.idempotency.IdempotencyStore;
import io.badgeflow.admin.idempotency.IdempotentRequest;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.command.Command;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a handler turns a request into a command: stamp it, write its document, answer 202 with the
 * command's {@code Location}. With an {@code Idempotency-Key} the key is claimed <em>before</em> the document is
 * written, so of two attempts of one request only the first makes a command and the other is told the same
 * command id; the same key on a different request is refused, never silently answered with the wrong command.
 */
@Component
public class CommandSubmissions {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** How long a key is remembered: long enough for any client's retries, short enough to keep the table small. */
    static final Duration KEY_RETENTION = Duration.ofHours(24);

    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,128}");

    private static final Logger LOG = LoggerFactory.getLogger(CommandSubmissions.class);

    private final CommandDocumentStore documents;
    private final IdempotencyStore idempotency;
    private final IdempotencyRefusals refusals;
    private final JsonMapper json;
    private final Clock clock;

    CommandSubmissions(
            CommandDocumentStore documents,
            IdempotencyStore idempotency,
            IdempotencyRefusals refusals,
            JsonMapper json,
            Clock clock) {
        this.documents = documents;
        this.idempotency = idempotency;
        this.refusals = refusals;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Issues the command {@code newCommand} builds from a fresh stamp, or, for a retry of a request whose key was
     * claimed already, answers as the first attempt was answered.
     *
     * @param idempotencyKey the caller's key, or null
     * @param request the bound request body (null when there is none); with the path it tells a retry from a
     *     different request
     */
    public <C extends Command, R extends AcceptedAnswer> ResponseEntity<R> submit(
            Jwt caller,
            String idempotencyKey,
            Object request,
            Function<Stamp, C> newCommand,
            Function<C, R> answer,
            Class<R> answerType) {
        var command = newCommand.apply(new Stamp(UUID.randomUUID().toString(), caller.getSubject(), clock.instant()));
        var body = answer.apply(command);
        if (idempotencyKey == null) {
            documents.write(command);
            return accepted(command.commandId(), body);
        }
        var claim = new IdempotentRequest(
                claimId(caller, idempotencyKey),
                fingerprint(request),
                command.commandId(),
                json.writeValueAsString(body.forRetry()));
        var earlier = idempotency.claim(claim, command.occurredAt().plus(KEY_RETENTION));
        if (earlier.isPresent()) {
            return retold(caller, earlier.get(), claim, answerType);
        }
        try {
            documents.write(command);
        } catch (RuntimeException failed) {
            try {
                idempotency.release(claim);
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
        return accepted(command.commandId(), body);
    }

    private <R extends AcceptedAnswer> ResponseEntity<R> retold(
            Jwt caller, IdempotentRequest earlier, IdempotentRequest now, Class<R> answerType) {
        if (!earlier.fingerprint().equals(now.fingerprint())) {
            refuse(new IdempotencyRefusal(
                    UUID.randomUUID().toString(),
                    now.id(),
                    caller.getSubject(),
                    earlier.commandId(),
                    earlier.fingerprint(),
                    now.fingerprint(),
                    clock.instant()));
        }
        return accepted(earlier.commandId(), json.readValue(earlier.answer(), answerType));
    }

    /**
     * Records the refusal and raises its alarm, then refuses. The caller is told 409 even when recording or alerting
     * fails (logged): the request is refused either way, and the client's answer must not depend on our stores.
     */
    private void refuse(IdempotencyRefusal refusal) {
        LOG.warn(
                "Idempotency-Key reused for a different request: refusal {}, actor {}, key holds command {}",
                refusal.refusalId(),
                refusal.actor(),
                refusal.commandId());
        try {
            refusals.record(refusal);
        } catch (RuntimeException failed) {
            LOG.error("could not record Idempotency-Key refusal {}", refusal.refusalId(), failed);
        }
        try {
            refusals.alarm(refusal);
        } catch (RuntimeException failed) {
            LOG.error("could not raise the alarm of Idempotency-Key refusal {}", refusal.refusalId(), failed);
        }
        throw new IdempotencyKeyReusedException();
    }

    private static <R> ResponseEntity<R> accepted(String commandId, R body) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/commands/" + commandId))
                .body(body);
    }

    private static String claimId(Jwt caller, String key) {
        if (!KEY.matcher(key).matches() || key.isBlank()) {
            throw new InvalidFieldException(IDEMPOTENCY_KEY, "must be 1-128 printable ASCII characters");
        }
        // Length-prefixed, so no subject and key can be cut differently into the same id.
        var subject = caller.getSubject();
        return "admin-service:" + subject.length() + ":" + subject + ":" + key;
    }

    private String fingerprint(Object request) {
        var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        var http = attributes.getRequest();
        var body = request == null ? new byte[0] : json.writeValueAsBytes(request);
        return http.getMethod() + " " + http.getRequestURI() + " " + sha256(body);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What every command carries besides its own fields: a fresh id, who asked, and when. */
    public record Stamp(String commandId, String actor, Instant occurredAt) {}
}
