package io.badgeflow.admin.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;

/**
 * Lets a chain's entry point answer a token that could not be checked at all (the user pool's signing keys did not
 * load: the pool unreachable or slow). Spring Security's bearer-token filter rethrows such a failure by default, and
 * the servlet container then answers 500; the entry points answer 503 with {@code Retry-After}, as for every other
 * failing dependency.
 */
final class UncheckableTokenAnswer implements ObjectPostProcessor<BearerTokenAuthenticationFilter> {

    private final AuthenticationEntryPoint entryPoint;

    UncheckableTokenAnswer(AuthenticationEntryPoint entryPoint) {
        this.entryPoint = entryPoint;
    }

    @Override
    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
        var failures = new AuthenticationEntryPointFailureHandler(entryPoint);
        failures.setRethrowAuthenticationServiceException(false);
        filter.setAuthenticationFailureHandler(failures);
        return filter;
    }
}
