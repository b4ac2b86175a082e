package io.badgeflow.admin.subscription;

/**
 * A subscription of the alarms topic as SNS keeps it. {@code id} is the part of its ARN after the topic's, null
 * while an email or https endpoint has not confirmed it (SNS names it "PendingConfirmation" until then, and deletes
 * it unconfirmed after three days). {@code protocol} is SNS's ({@code email}, {@code sms}, {@code https}, {@code sqs}).
 */
public record TopicSubscription(String id, String protocol, String endpoint, boolean confirmed) {}
