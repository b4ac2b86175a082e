package io.badgeflow.accessstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import io.badgeflow.aws.testing.StackNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The names reach access-stream the two ways they are given: the task definition's
 * {@code BADGEFLOW_STACK_<OUTPUTKEY>} and bin/run's file of {@code badgeflow.stack.<OutputKey>} lines; a missing
 * one stops the start with every missing name; and the template gives the task definition exactly these names.
 */
class AccessStreamStackTests {

    private static final Map<String, String> NAMES = StackNames.placeholders(AccessStreamStack.class, Map.of());

    @Test
    void bindsEveryNameFromTheVariablesTheTemplateSets() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        StackNames.asVariables(NAMES)));

        assertThat(StackNames.valuesOf(bind(environment))).isEqualTo(StackNames.byOutputKey(NAMES));
    }

    @Test
    void bindsEveryNameFromAFileOfOutputKeysAsBinRunWritesIt(@TempDir Path dir) throws Exception {
        var file = dir.resolve("stack-outputs.properties");
        var lines = new ArrayList<String>();
        NAMES.forEach((key, value) -> lines.add(key + "=" + value));
        lines.add(StackNames.PREFIX + "SomeOtherServicesQueueUrl=http://127.0.0.1:9/000000000000/other");
        Files.write(file, lines);

        var stack = bind(new StandardEnvironment(), "--spring.config.import=file:" + file);

        assertThat(StackNames.valuesOf(stack)).isEqualTo(StackNames.byOutputKey(NAMES));
    }

    @Test
    void refusesToStartWithoutItsNamesAndNamesEveryMissingOne() {
        assertThatException().isThrownBy(() -> bind(new StandardEnvironment()))
                .satisfies(failure -> assertThat(messages(failure)).contains(Arrays
                        .stream(AccessStreamStack.class.getRecordComponents())
                        .map(component -> "field '" + component.getName() + "'").toArray(String[]::new)));
    }

    @Test
    void theTemplateGivesTheTaskDefinitionExactlyTheseNames() {
        assertThat(StackNames.templateVariables("AccessStreamTaskDefinition"))
                .isEqualTo(StackNames.environmentVariables(AccessStreamStack.class));
    }

    private static AccessStreamStack bind(StandardEnvironment environment, String... args) {
        try (var context = new SpringApplicationBuilder(Binding.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).environment(environment).run(args)) {
            return context.getBean(AccessStreamStack.class);
        }
    }

    private static String messages(Throwable failure) {
        var text = new StringBuilder();
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccessStreamStack.class)
    static class Binding {
    }
}
