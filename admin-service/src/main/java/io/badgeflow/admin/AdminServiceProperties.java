package io.badgeflow.admin;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where admin-service finds its stores and who may call it. On AWS the task definition sets these from the
 * stack outputs; locally bin/run does.
 *
 * @param commandsBucket the bucket command documents are written to
 * @param tables the tables the read side answers from
 * @param cognito the user pool whose access tokens are accepted
 */
@ConfigurationProperties("badgeflow.admin-service")
public record AdminServiceProperties(String commandsBucket, Tables tables, Cognito cognito) {

    public AdminServiceProperties {
        require("badgeflow.admin-service.commands-bucket", commandsBucket);
        if (tables == null || cognito == null) {
            throw new IllegalArgumentException("badgeflow.admin-service.tables.* and .cognito.* must be set");
        }
    }

    /**
     * The back-office tables the read side answers from, and {@code idempotency}, where a retried request finds
     * the command its first attempt created.
     */
    public record Tables(String commands, String employees, String cards, String buildings, String doors,
            String grants, String idempotency) {
        public Tables {
            require("badgeflow.admin-service.tables.commands", commands);
            require("badgeflow.admin-service.tables.employees", employees);
            require("badgeflow.admin-service.tables.cards", cards);
            require("badgeflow.admin-service.tables.buildings", buildings);
            require("badgeflow.admin-service.tables.doors", doors);
            require("badgeflow.admin-service.tables.grants", grants);
            require("badgeflow.admin-service.tables.idempotency", idempotency);
        }
    }

    /**
     * The user pool. {@code issuer} is always the AWS form {@code https://cognito-idp.<region>.amazonaws.com/<pool>},
     * also locally; {@code jwkSetUri} is where the keys are fetched (the emulator's address locally).
     */
    public record Cognito(String userPoolId, String clientId, URI issuer, URI jwkSetUri) {
        public Cognito {
            require("badgeflow.admin-service.cognito.user-pool-id", userPoolId);
            require("badgeflow.admin-service.cognito.client-id", clientId);
            if (issuer == null || jwkSetUri == null) {
                throw new IllegalArgumentException("badgeflow.admin-service.cognito.issuer and .jwk-set-uri must be set");
            }
        }
    }

    private static void require(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must be set");
        }
    }
}
