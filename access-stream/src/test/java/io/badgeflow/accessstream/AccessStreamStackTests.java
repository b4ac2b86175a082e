package io.badgeflow.accessstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.StackNames;
import io.badgeflow.aws.testing.StackTypeContract;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The names reach access-stream the two ways they are given: the task definition's
 * {@code BADGEFLOW_STACK_<OUTPUTKEY>} and bin/run's file of {@code badgeflow.stack.<OutputKey>} lines; a missing
 * one stops the start with every missing name (StackTypeContract); and the template gives the task definition
 * exactly these names.
 */
class AccessStreamStackTests extends StackTypeContract<AccessStreamStack> {

    AccessStreamStackTests() {
        super(AccessStreamStack.class, Binding.class, Map.of());
    }

    @Test
    void theTemplateGivesTheTaskDefinitionExactlyTheseNames() {
        assertThat(StackNames.templateVariables("AccessStreamTaskDefinition"))
                .isEqualTo(StackNames.environmentVariables(AccessStreamStack.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccessStreamStack.class)
    static class Binding {}
}
