package io.badgeflow.admin.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code badgeflow.admin-service.webhooks.allow-loopback-http}: whether a webhook may be plain http to a loopback
 * host. Only the {@code local} profile sets it, for test receivers on this machine; on AWS it stays false and the
 * delivery function's SSRF guard refuses loopback addresses anyway.
 */
@ConfigurationProperties("badgeflow.admin-service.webhooks")
public record AlarmWebhookSettings(boolean allowLoopbackHttp) {}
