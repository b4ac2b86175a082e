package io.badgeflow.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The checks a token must pass on /scim/**: the SCIM client's access token with the SCIM scope, nothing else. */
class ScimSecurityTests {

    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_scim";
    private static final String SCIM_CLIENT = "scim-client-id";
    private static final String SCOPE = "badgeflow-local/scim";

    private final org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt> validator =
            ScimSecurityConfiguration.scimTokenValidator(ISSUER, SCIM_CLIENT, SCOPE);

    @Test
    void acceptsTheScimClientsAccessTokenWithTheScimScope() {
        assertThat(validator
                        .validate(token(Map.of("client_id", SCIM_CLIENT, "scope", SCOPE)))
                        .hasErrors())
                .isFalse();
    }

    @Test
    void refusesATokenWithoutTheScope() {
        assertThat(validator
                        .validate(token(Map.of("client_id", SCIM_CLIENT, "scope", "aws.cognito.signin.user.admin")))
                        .hasErrors())
                .isTrue();
        assertThat(validator.validate(token(Map.of("client_id", SCIM_CLIENT))).hasErrors())
                .isTrue();
    }

    @Test
    void refusesAnotherClientsTokenEvenWithTheScope() {
        assertThat(validator
                        .validate(token(Map.of("client_id", "web-client", "scope", SCOPE)))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesAScopeThatOnlyStartsLikeOurs() {
        assertThat(validator
                        .validate(token(Map.of("client_id", SCIM_CLIENT, "scope", SCOPE + "x")))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesAnIdTokenAndAnotherIssuer() {
        var id = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .claim("token_use", "id")
                .claim("client_id", SCIM_CLIENT)
                .claim("scope", SCOPE)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
        assertThat(validator.validate(id).hasErrors()).isTrue();
        var foreign = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other")
                .claim("token_use", "access")
                .claim("client_id", SCIM_CLIENT)
                .claim("scope", SCOPE)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
        assertThat(validator.validate(foreign).hasErrors()).isTrue();
    }

    private static Jwt token(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .claim("token_use", "access")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
