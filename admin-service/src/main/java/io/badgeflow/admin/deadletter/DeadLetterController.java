package io.badgeflow.admin.deadletter;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.AdminServiceStack.DeadLetterQueue;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.aws.delivery.DeliveryFailureKey;
import io.badgeflow.aws.delivery.DeliveryFailures;
import io.badgeflow.model.InvalidFieldException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operators' view of what could not be delivered: per queue the DLQ depth and its messages with the
 * recorded reason of their failures, and a redrive that puts them back on their source queue once the cause
 * is fixed. The consumers are idempotent, so a message delivered twice by a redrive does no harm.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

    static final int DEFAULT_PEEK = 20;
    static final int MAX_PEEK = 100;
    /** A redrive without a limit moves everything, but no more than this per call. */
    static final int MAX_REDRIVE = 1000;

    private final DeadLetterQueues queues;
    private final DeliveryFailures failures;
    private final List<DeadLetterQueue> configured;

    DeadLetterController(DeadLetterQueues queues, DeliveryFailures failures, AdminServiceStack stack) {
        this.queues = queues;
        this.failures = failures;
        this.configured = stack.deadLetterQueues();
    }

    @GetMapping
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    DeadLettersView list(@RequestParam(defaultValue = "" + DEFAULT_PEEK) int limit) {
        requireLimit(limit, MAX_PEEK);
        return new DeadLettersView(
                configured.stream().map(queue -> view(queue, limit)).toList());
    }

    @PostMapping("/{queue}/redrive")
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    RedriveView redrive(@PathVariable String queue, @RequestParam(required = false) Integer limit) {
        var pair = configured.stream()
                .filter(q -> q.name().equals(queue))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead-letter queue " + queue));
        var bounded = limit == null ? MAX_REDRIVE : limit;
        requireLimit(bounded, MAX_REDRIVE);
        return new RedriveView(pair.name(), queues.redrive(pair.dlqUrl(), pair.queueUrl(), bounded));
    }

    private QueueView view(DeadLetterQueue queue, int limit) {
        var source = DeliveryFailureKey.queueName(queue.queueUrl());
        var messages = queues.peek(queue.dlqUrl(), limit).stream()
                .map(letter -> DeadLetterView.of(letter, failures.find(source, letter.body())))
                .toList();
        return new QueueView(
                queue.name(),
                source,
                DeliveryFailureKey.queueName(queue.dlqUrl()),
                queues.depth(queue.dlqUrl()),
                messages);
    }

    private static void requireLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidFieldException("limit", "must be between 1 and " + max);
        }
    }

    /** The body of {@code GET /api/v1/dead-letters}. */
    record DeadLettersView(List<QueueView> queues) {}

    /** One queue pair: {@code depth} counts every message in the DLQ, {@code messages} shows up to the limit. */
    record QueueView(
            String name, String sourceQueue, String deadLetterQueue, long depth, List<DeadLetterView> messages) {}

    /** The body of a redrive: how many messages went back to the source queue. */
    record RedriveView(String name, int moved) {}
}
