package io.badgeflow.admin.security;

import io.badgeflow.admin.AdminServiceStack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Accepts Cognito access tokens only: signature from the pool's JWKS, the pool's issuer, {@code token_use}
 * access and our app client's {@code client_id} (access tokens carry no {@code aud}). Cognito groups become
 * roles: {@code admin} -> ROLE_ADMIN. The issuer and the keys' address follow from the pool id, whose prefix is
 * the pool's region: {@code https://cognito-idp.<region>.amazonaws.com/<pool>}, also on the emulator, which
 * serves the keys at {@code <endpoint>/<pool>/.well-known/jwks.json}.
 */
@Configuration(proxyBeanMethods = false)
class CognitoJwtConfiguration {

    @Bean
    JwtDecoder jwtDecoder(AdminServiceStack stack, @Value("${spring.cloud.aws.endpoint:}") String endpoint) {
        var pool = stack.userPoolId();
        var decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri(pool, endpoint)).build();
        decoder.setJwtValidator(accessTokenValidator(issuer(pool), stack.userPoolClientId()));
        return decoder;
    }

    /** The {@code iss} of the pool's tokens: Cognito's address in the pool's region, the prefix of its id. */
    static String issuer(String userPoolId) {
        var region = userPoolId.substring(0, userPoolId.indexOf('_'));
        return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    /** Where the pool's signing keys are: under the issuer on AWS, under the endpoint given instead (the emulator). */
    static String jwkSetUri(String userPoolId, String endpoint) {
        var base = endpoint == null || endpoint.isBlank()
                ? issuer(userPoolId)
                : endpoint.replaceAll("/+$", "") + "/" + userPoolId;
        return base + "/.well-known/jwks.json";
    }

    /**
     * Every check a token must pass besides its signature: expiry and not-before (with the default clock skew),
     * the pool's issuer, {@code token_use} access and our client's {@code client_id}. Shared with the tests, which
     * sign tokens with a key of their own but must meet exactly these checks.
     */
    static OAuth2TokenValidator<Jwt> accessTokenValidator(String issuer, String clientId) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                claimEquals("token_use", "access"),
                claimEquals("client_id", clientId));
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(CognitoJwtConfiguration::groupsAsRoles);
        converter.setPrincipalClaimName("username");
        return converter;
    }

    static Collection<GrantedAuthority> groupsAsRoles(Jwt jwt) {
        List<String> groups = jwt.getClaimAsStringList("cognito:groups");
        var roles = new ArrayList<GrantedAuthority>();
        if (groups != null) {
            groups.forEach(group -> roles.add(new SimpleGrantedAuthority("ROLE_" + group.toUpperCase())));
        }
        return roles;
    }

    private static OAuth2TokenValidator<Jwt> claimEquals(String claim, String expected) {
        return jwt -> expected.equals(jwt.getClaimAsString(claim))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "the token's " + claim + " is not " + expected, null));
    }
}
