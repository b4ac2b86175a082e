package io.badgeflow.admin.aws;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.subscription.AlarmTopicSubscriptions;
import io.badgeflow.admin.subscription.TopicSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * The alarms topic's subscriptions through the SDK's {@link SnsClient}: Spring Cloud AWS's SnsTemplate publishes
 * but has no subscribe, list or unsubscribe (decision 0014 keeps the SDK client for what a template lacks).
 */
@Component
class SnsAlarmTopicSubscriptions implements AlarmTopicSubscriptions {

    private static final String PENDING = "PendingConfirmation";

    private final SnsClient sns;
    private final String topicArn;

    SnsAlarmTopicSubscriptions(SnsClient sns, AdminServiceStack stack) {
        this.sns = sns;
        this.topicArn = stack.alarmsTopicArn();
    }

    @Override
    public List<TopicSubscription> list() {
        var all = new ArrayList<TopicSubscription>();
        for (var page : sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn))) {
            page.subscriptions().stream().map(this::of).forEach(all::add);
        }
        return all;
    }

    @Override
    public TopicSubscription subscribe(String protocol, String endpoint) {
        var arn = sns.subscribe(r -> r.topicArn(topicArn)
                        .protocol(protocol)
                        .endpoint(endpoint)
                        .returnSubscriptionArn(true))
                .subscriptionArn();
        return find(idOf(arn)).orElse(new TopicSubscription(idOf(arn), protocol, endpoint, false));
    }

    @Override
    public Optional<TopicSubscription> find(String id) {
        // From the topic's list, not GetSubscriptionAttributes: the list is what names the protocol everywhere (the
        // emulator's CloudFormation-made subscriptions carry no Protocol attribute), and a pending one has no id.
        return id == null
                ? Optional.empty()
                : list().stream().filter(s -> id.equals(s.id())).findFirst();
    }

    @Override
    public void unsubscribe(String id) {
        sns.unsubscribe(r -> r.subscriptionArn(topicArn + ":" + id));
    }

    private TopicSubscription of(Subscription subscription) {
        var arn = subscription.subscriptionArn();
        var pending = arn == null || PENDING.equals(arn) || !arn.startsWith(topicArn + ":");
        return new TopicSubscription(
                pending ? null : idOf(arn), subscription.protocol(), subscription.endpoint(), !pending);
    }

    private String idOf(String arn) {
        return arn != null && arn.startsWith(topicArn + ":") ? arn.substring(topicArn.length() + 1) : null;
    }
}
