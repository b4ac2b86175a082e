package io.badgeflow.admin;

import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import io.badgeflow.admin.alarm.AlarmHandlings;
import io.badgeflow.admin.command.CommandDocumentStore;
import io.badgeflow.admin.command.CommandSubmissions;
import io.badgeflow.admin.dashboard.ConsumerLagSource;
import io.badgeflow.admin.deadletter.DeadLetterQueues;
import io.badgeflow.admin.idempotency.IdempotencyRefusals;
import io.badgeflow.admin.idempotency.IdempotencyStore;
import io.badgeflow.admin.imports.ImportFiles;
import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.admin.people.StaffDirectory;
import io.badgeflow.admin.scim.ScimCommands;
import io.badgeflow.admin.scim.ScimLinks;
import io.badgeflow.admin.session.HostedSignIn;
import io.badgeflow.admin.session.SignIn;
import io.badgeflow.admin.session.SsoProperties;
import io.badgeflow.admin.subscription.AlarmSubscriptions;
import io.badgeflow.admin.subscription.AlarmTopicSubscriptions;
import io.badgeflow.admin.subscription.AlarmWebhookSettings;
import io.badgeflow.admin.user.UserDirectory;
import io.badgeflow.aws.delivery.DeliveryFailures;
import io.badgeflow.aws.parking.ParkedRecordStore;
import io.badgeflow.aws.testing.StackNames;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.alarm.AlarmBoard;
import io.badgeflow.model.archive.EventArchive;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandHistory;
import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.door.SwipeHistory;
import io.badgeflow.model.employee.Affiliates;
import io.badgeflow.model.offline.DoorListStatuses;
import io.badgeflow.model.onboarding.ImportLedger;
import io.badgeflow.model.presence.PresenceLedger;
import io.badgeflow.model.webhook.WebhookSubscriptions;
import java.util.List;
import java.util.Map;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The web slice every API test runs in: all controllers, the real security chain and problem handling, and the
 * ports as mocks, so a test states what the ports hold and asserts what reached them.
 */
@WebMvcTest
@ComponentScan(basePackages = {"io.badgeflow.admin.security", "io.badgeflow.admin.web"})
@Import({CommandSubmissions.class, PeopleNames.class, AlarmHandlings.class, AlarmSubscriptions.class, ScimCommands.class
})
@EnableConfigurationProperties({
    AdminServiceProperties.class,
    AdminServiceStack.class,
    AlarmWebhookSettings.class,
    SsoProperties.class
})
@TestPropertySource(
        properties = {
            "badgeflow.admin-service.max-import-size=" + ApiSliceTestSupport.MAX_IMPORT_BYTES + "B",
            // Where the user pool's keys would be fetched from: nowhere (the tests authenticate with jwt()).
            "spring.cloud.aws.endpoint=http://127.0.0.1:9",
            // Every slice test signs in from one address; SignInRateLimitApiTests tests the limit.
            "badgeflow.admin-service.sign-in.per-source.burst=100000",
            "badgeflow.admin-service.sign-in.per-source.per-second=1000"
        })
public abstract class ApiSliceTestSupport {

    public static final String ADMIN_SUBJECT = "sub-admin-1";

    /** A small upload limit, so the tests can exceed it cheaply. */
    public static final int MAX_IMPORT_BYTES = 1024;

    @Autowired
    protected MockMvc mvc;

    /** Made-up names: the ports are mocks, nothing reaches AWS. */
    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        StackNames.placeholders(AdminServiceStack.class, Map.of("UserPoolId", "us-east-1_test"))
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    @MockitoBean
    protected HostedSignIn hostedSignIn;

    @MockitoBean
    protected CommandDocumentStore documents;

    @MockitoBean
    protected ScimLinks scimLinks;

    @MockitoBean
    protected IdempotencyStore idempotency;

    @MockitoBean
    protected IdempotencyRefusals idempotencyRefusals;

    @MockitoBean
    protected BackOfficeDirectory directory;

    @MockitoBean
    protected DoorListStatuses doorLists;

    @MockitoBean
    protected CommandHistory history;

    @MockitoBean
    protected CommandLog log;

    @MockitoBean
    protected DeadLetterQueues deadLetters;

    @MockitoBean
    protected DeliveryFailures deliveryFailures;

    @MockitoBean
    protected ImportFiles importFiles;

    @MockitoBean
    protected ImportLedger importLedger;

    @MockitoBean
    protected AdminAuditTrail auditTrail;

    @MockitoBean
    protected ParkedRecordStore parkedRecords;

    @MockitoBean
    protected SignIn signIn;

    @MockitoBean
    protected UserDirectory users;

    @MockitoBean
    protected StaffDirectory staff;

    @MockitoBean
    protected EventArchive archive;

    @MockitoBean
    protected PresenceLedger presence;

    @MockitoBean
    protected Affiliates affiliates;

    @MockitoBean
    protected SwipeHistory swipes;

    /** The dashboard's consumer lag (CloudWatch): not available unless a test says otherwise. */
    @MockitoBean
    protected ConsumerLagSource consumerLag;

    @MockitoBean
    protected AccessFacts accessFacts;

    @MockitoBean
    protected AlarmBoard alarms;

    @MockitoBean
    protected WebhookSubscriptions webhooks;

    @MockitoBean
    protected AlarmTopicSubscriptions topicSubscriptions;

    protected static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject(ADMIN_SUBJECT)).authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    protected static RequestPostProcessor operator() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    }

    protected static RequestPostProcessor auditor() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_AUDITOR"));
    }

    /** Every command document written so far. */
    protected List<Command> written() {
        var captor = ArgumentCaptor.forClass(Command.class);
        verify(documents, atLeast(0)).write(captor.capture());
        return captor.getAllValues();
    }

    /** The one command document written; fails when there was not exactly one. */
    @SuppressWarnings("unchecked")
    protected <C extends Command> C writtenOnce(Class<C> type) {
        var all = written();
        org.assertj.core.api.Assertions.assertThat(all).hasSize(1).first().isInstanceOf(type);
        return (C) all.getFirst();
    }
}
