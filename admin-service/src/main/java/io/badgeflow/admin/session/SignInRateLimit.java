package io.badgeflow.admin.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badgeflow.admin.AdminServiceProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The per-source limit of {@code /auth/*} ({@code badgeflow.admin-service.sign-in.per-source}), asked before a
 * body is read, so guessing passwords or codes from one address is slowed to the refill rate. One Bucket4j bucket
 * per source in a bounded Caffeine cache (as access-stream's door API): a bucket idle until it would be full again
 * is dropped, and a new one starts full, which is what the old one would have been.
 */
@Component
class SignInRateLimit implements HandlerInterceptor, WebMvcConfigurer {

    private final Bandwidth bandwidth;
    private final Cache<String, Bucket> buckets;

    SignInRateLimit(AdminServiceProperties properties) {
        var settings = properties.signIn();
        var limit = settings.perSource();
        this.bandwidth = Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.perSecond(), Duration.ofSeconds(1))
                .build();
        var refillSeconds = (limit.burst() + limit.perSecond() - 1) / limit.perSecond();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxBuckets())
                .expireAfterAccess(Duration.ofSeconds(refillSeconds + 1))
                .build();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/auth/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // The source: behind the load balancer, TrustedProxies' valve has already put the client's address (the
        // right-most X-Forwarded-For entry) here; from any other peer, the peer itself.
        var bucket = buckets.get(
                request.getRemoteAddr(),
                any -> Bucket.builder().addLimit(bandwidth).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new SignInRateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
        return true;
    }
}
