package io.badgeflow.accessstream.limit;

import io.badgeflow.accessstream.AccessStreamProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The per-source limit of the door API ({@code badgeflow.access-stream.door-api.per-source}): the first thing
 * asked of a door API request, before its key is checked or its body read, so a flood from one address costs one
 * bucket lookup per request. The source is {@link SourceAddress}'s.
 */
@Component
class SourceRateLimit implements HandlerInterceptor, WebMvcConfigurer {

    private final RateLimits limits;
    private final SourceAddress sources;

    SourceRateLimit(AccessStreamProperties properties) {
        var settings = properties.doorApi();
        this.limits = new RateLimits(settings.perSource(), settings.maxBuckets());
        this.sources = new SourceAddress(settings.trustedProxies());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/door-api/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        limits.admit(sources.of(request));
        return true;
    }

    /** How many addresses have a bucket now. */
    long buckets() {
        return limits.size();
    }
}
