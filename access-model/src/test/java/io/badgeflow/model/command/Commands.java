package io.badgeflow.model.command;

import java.time.Instant;
import java.util.UUID;

/** Test-data builders for commands. */
public final class Commands {

    public static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    private Commands() {
    }

    public static RegisterEmployeeBuilder registerEmployee() {
        return new RegisterEmployeeBuilder();
    }

    public static final class RegisterEmployeeBuilder {
        private String commandId = UUID.randomUUID().toString();
        private String employeeId = UUID.randomUUID().toString();
        private String email = "ada@example.com";
        private String givenName = "Ada";

        public RegisterEmployeeBuilder commandId(String value) {
            commandId = value;
            return this;
        }

        public RegisterEmployeeBuilder employeeId(String value) {
            employeeId = value;
            return this;
        }

        public RegisterEmployeeBuilder email(String value) {
            email = value;
            return this;
        }

        public RegisterEmployeeBuilder givenName(String value) {
            givenName = value;
            return this;
        }

        public RegisterEmployee build() {
            return new RegisterEmployee(commandId, "hr-admin", NOW, employeeId, "E-1001", givenName, "Lovelace",
                    email, "Engineering");
        }
    }
}
