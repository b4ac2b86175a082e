package io.badgeflow.admin.subscription;

import java.util.List;
import java.util.Optional;

/** Port: the alarms topic's own subscriptions (email, SMS and those the template made). */
public interface AlarmTopicSubscriptions {

    List<TopicSubscription> list();

    /** Subscribes an email or phone; SNS answers an existing subscription of the same endpoint with that one. */
    TopicSubscription subscribe(String protocol, String endpoint);

    Optional<TopicSubscription> find(String id);

    void unsubscribe(String id);
}
