package io.badgeflow.admin.security;

import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call at all, in three chains. The API is stateless bearer-token only (no cookies, so no CSRF surface).
 * Every {@code /api/**} call needs a valid token; which role may call which endpoint is declared next to the
 * handler with {@code @PreAuthorize} (see {@link Roles}), and a dependency rule test fails the build when a
 * handler has none. The web UI's files and routes are public (they hold no data; the data comes through the
 * API) under a strict Content-Security-Policy; {@code /auth/**} is where the UI signs in. The OpenAPI document and
 * the health check are public; anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Everything the API and the auth endpoints answer is data, never a document to render. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    /**
     * The UI's policy: only our own scripts, styles, images and API; no inline script or style (Mantine is run
     * without its injected style elements for this), no framing, no base-URI or foreign form targets.
     */
    static final String UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** The UI's static files and the browser-side routes that answer with its index.html (see SpaRoutes). */
    static final String[] UI_PATHS = {
        "/",
        "/index.html",
        "/favicon.svg",
        "/assets/**",
        "/login",
        "/employees",
        "/employees/**",
        "/cards",
        "/cards/**",
        "/buildings",
        "/buildings/**",
        "/commands",
        "/imports",
        "/dead-letters",
        "/admin-audit",
        "/who-was-inside",
        "/live",
        "/dashboard",
        "/door-audit",
        "/users",
        "/alarms",
        "/alarm-subscriptions"
    };

    @Bean
    @Order(1)
    SecurityFilterChain auth(HttpSecurity http) throws Exception {
        // No bearer-token processing here: a stale Authorization header must not stop a user from signing in.
        http.securityMatcher("/auth/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // JSON-only login and a SameSite=Strict, Path=/auth cookie; see SessionController.
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> commonHeaders(headers, API_CSP));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        http.securityMatcher(uiRequests())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> commonHeaders(headers, UI_CSP));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(
            HttpSecurity http,
            JwtAuthenticationConverter jwtAuthenticationConverter,
            ProblemAuthenticationEntryPoint entryPoint,
            ProblemAccessDeniedHandler deniedHandler)
            throws Exception {
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests
                        // The container's error page (ProblemErrorController) only says what failed: a refused
                        // request must be told its real status, not 401.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // The API's description is public: it says what the API accepts, never what it holds.
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                        .permitAll()
                        // A coarse first line, checked before any body is read or validated (so a caller without
                        // the role learns nothing from validation errors): reads for staff, writes for admins,
                        // the operators' one write named. The handler's @PreAuthorize stays the precise rule.
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole("ADMIN", "OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/dead-letters/*/redrive")
                        .hasAnyRole("ADMIN", "OPERATOR")
                        // Operators handle alarms (acknowledge, resolve); AlarmController checks the same.
                        .requestMatchers(HttpMethod.POST, "/api/v1/alarms/*/acknowledge", "/api/v1/alarms/*/resolve")
                        .hasAnyRole("ADMIN", "OPERATOR")
                        // Reception: operators register visitors (a contractor only an admin: ReceptionController).
                        .requestMatchers(HttpMethod.POST, "/api/v1/reception/visitors")
                        .hasAnyRole("ADMIN", "OPERATOR")
                        .requestMatchers("/api/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(
                        oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                                .authenticationEntryPoint(entryPoint)
                                .accessDeniedHandler(deniedHandler)
                                .withObjectPostProcessor(new UncheckableTokenAnswer(entryPoint)))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .headers(headers -> commonHeaders(headers, API_CSP));
        return http.build();
    }

    /** GET and HEAD of the UI's paths. */
    private static RequestMatcher uiRequests() {
        var builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(UI_PATHS)
                .flatMap(path ->
                        Stream.of(builder.matcher(HttpMethod.GET, path), builder.matcher(HttpMethod.HEAD, path)))
                .map(RequestMatcher.class::cast)
                .toList());
    }

    /**
     * Besides the policy: HSTS (sent over https only), nosniff and frame denial (Spring Security's defaults, kept),
     * and no referrer, so URLs with ids never leave the site.
     */
    private static void commonHeaders(HeadersConfigurer<HttpSecurity> headers, String policy) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
    }
}
