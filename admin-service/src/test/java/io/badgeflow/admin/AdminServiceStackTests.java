package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import io.badgeflow.admin.AdminServiceStack.DeadLetterQueue;
import io.badgeflow.aws.testing.StackNames;
import io.badgeflow.aws.testing.StackTypeContract;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The names reach admin-service the two ways they are given: the task definition's
 * {@code BADGEFLOW_STACK_<OUTPUTKEY>} and bin/run's file of {@code badgeflow.stack.<OutputKey>} lines; a missing
 * one stops the start with every missing name (StackTypeContract); the user pool id names its region; the
 * dead-letter pairs follow from the names; and the template gives the task definition exactly these names.
 */
class AdminServiceStackTests extends StackTypeContract<AdminServiceStack> {

    AdminServiceStackTests() {
        super(AdminServiceStack.class, Binding.class, Map.of("UserPoolId", "eu-west-1_AbCd3fGh1"));
    }

    @Test
    void refusesAUserPoolIdThatNamesNoRegion() {
        var changed = new HashMap<String, Object>(names);
        changed.put(StackNames.PREFIX + "UserPoolId", "pool-without-region");
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("names", changed));

        assertThatException()
                .isThrownBy(() -> bind(environment))
                .satisfies(failure -> assertThat(messages(failure))
                        .contains("field 'userPoolId'")
                        .doesNotContain("field 'userPoolClientId'"));
    }

    @Test
    void listsTheDeadLetterQueuePairsByTheNamesOfTheApi() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("names", new HashMap<>(names)));

        var stack = bind(environment);

        assertThat(stack.deadLetterQueues())
                .containsExactly(
                        new DeadLetterQueue("commands", "CommandsQueueUrl", "CommandsDlqUrl"),
                        new DeadLetterQueue("imports", "ImportsQueueUrl", "ImportsDlqUrl"),
                        new DeadLetterQueue("releases", "ReleasesQueueUrl", "ReleasesDlqUrl"),
                        new DeadLetterQueue("alarm-fanout", "AlarmFanoutQueueUrl", "AlarmFanoutDlqUrl"),
                        new DeadLetterQueue("alarm-webhooks", "AlarmWebhooksQueueUrl", "AlarmWebhooksDlqUrl"));
    }

    @Test
    void theTemplateGivesTheTaskDefinitionExactlyTheseNames() {
        assertThat(StackNames.templateVariables("AdminServiceTaskDefinition"))
                .isEqualTo(StackNames.environmentVariables(AdminServiceStack.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdminServiceStack.class)
    static class Binding {}
}
