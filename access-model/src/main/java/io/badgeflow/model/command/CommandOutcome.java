package io.badgeflow.model.command;

import java.util.Objects;

/** The final result of applying a command: it took effect, or it was refused with a reason. */
public sealed interface CommandOutcome {

    CommandStatus status();

    record Applied() implements CommandOutcome {
        @Override
        public CommandStatus status() {
            return CommandStatus.APPLIED;
        }
    }

    record Rejected(RejectionReason reason, String message) implements CommandOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public CommandStatus status() {
            return CommandStatus.REJECTED;
        }
    }

    static CommandOutcome applied() {
        return new Applied();
    }

    static CommandOutcome rejected(RejectionReason reason, String message) {
        return new Rejected(reason, message);
    }
}
