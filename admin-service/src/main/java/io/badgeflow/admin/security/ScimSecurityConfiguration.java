package io.badgeflow.admin.security;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.scim.ScimErrors;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The fourth chain, for SCIM provisioning ({@code /scim/**}), ahead of the others: it accepts only access tokens of
 * the SCIM app client (client-credentials grant) that carry the SCIM scope, and gives them the one authority
 * {@link Roles#SCIM} the SCIM handlers require. A back-office user's token (another {@code client_id}, no scope) is
 * refused here, and a SCIM token is refused on {@code /api/**}, whose decoder accepts the web client only. Errors are
 * SCIM error bodies, not problem+json.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurityConfiguration {

    /** The authority a SCIM token is given; no Cognito group can become it (groups become {@code ROLE_*}). */
    static final String AUTHORITY = "SCIM_PROVISIONING";

    /** The SCIM decoder, as its own type so it is not taken for the API's {@code JwtDecoder}. */
    record ScimTokenDecoder(JwtDecoder decoder) {}

    @Bean
    ScimTokenDecoder scimTokenDecoder(
            AdminServiceStack stack, @Value("${spring.cloud.aws.endpoint:}") String endpoint) {
        var pool = stack.userPoolId();
        var decoder = NimbusJwtDecoder.withJwkSetUri(CognitoJwtConfiguration.jwkSetUri(pool, endpoint))
                .build();
        decoder.setJwtValidator(
                scimTokenValidator(CognitoJwtConfiguration.issuer(pool), stack.scimClientId(), stack.scimScope()));
        return new ScimTokenDecoder(decoder);
    }

    /**
     * Every check a SCIM token must pass besides its signature: expiry, the pool's issuer, {@code token_use} access,
     * the SCIM client's {@code client_id}, and the SCIM scope among its {@code scope}. Shared with the tests.
     */
    static OAuth2TokenValidator<Jwt> scimTokenValidator(String issuer, String clientId, String scope) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                claim(jwt -> "access".equals(jwt.getClaimAsString("token_use")), "token_use is not access"),
                claim(jwt -> clientId.equals(jwt.getClaimAsString("client_id")), "not the SCIM client's token"),
                claim(jwt -> scopes(jwt).contains(scope), "the token lacks the scope " + scope));
    }

    @Bean
    @Order(0)
    SecurityFilterChain scim(HttpSecurity http, ScimTokenDecoder tokens) throws Exception {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> List.of(new SimpleGrantedAuthority(AUTHORITY)));
        AuthenticationEntryPoint entryPoint = (request, response, failure) -> {
            if (failure instanceof AuthenticationServiceException) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                ScimErrors.write(
                        response,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        null,
                        "The token could not be checked right now (the user pool's keys did not load); retry shortly.");
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ScimErrors.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    null,
                    "An access token of the SCIM client with the SCIM scope is required (Authorization: Bearer ...).");
        };
        AccessDeniedHandler denied = (request, response, failure) ->
                ScimErrors.write(response, HttpStatus.FORBIDDEN, null, "This token may not do this.");
        http.securityMatcher("/scim/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(AUTHORITY))
                .oauth2ResourceServer(
                        oauth -> oauth.jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(converter))
                                .authenticationEntryPoint(entryPoint)
                                .accessDeniedHandler(denied)
                                .withObjectPostProcessor(new UncheckableTokenAnswer(entryPoint)))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SecurityConfiguration.API_CSP))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    private static List<String> scopes(Jwt jwt) {
        var scope = jwt.getClaimAsString("scope");
        return scope == null ? List.of() : List.of(scope.trim().split("\\s+"));
    }

    private static OAuth2TokenValidator<Jwt> claim(java.util.function.Predicate<Jwt> check, String failure) {
        return jwt -> check.test(jwt)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", failure, null));
    }
}
