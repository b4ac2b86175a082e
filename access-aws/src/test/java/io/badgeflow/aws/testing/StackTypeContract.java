package io.badgeflow.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

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
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What every deployable's stack type must do, the same for each: bind every name from the variables the
 * template sets ({@code BADGEFLOW_STACK_<OUTPUTKEY>}) and from bin/run's file of {@code badgeflow.stack.<OutputKey>}
 * lines, and refuse to start without them, naming every missing one. A module's test extends it with its type and
 * a configuration class that enables it, and adds what is its own (which template resources give the names).
 */
public abstract class StackTypeContract<T extends Record> {

    private final Class<T> type;
    private final Class<?> binding;
    protected final Map<String, String> names;

    /**
     * @param binding a {@code @Configuration} that enables {@code type} as configuration properties
     * @param given values for outputs whose placeholder would not pass the type's validation
     */
    protected StackTypeContract(Class<T> type, Class<?> binding, Map<String, String> given) {
        this.type = type;
        this.binding = binding;
        this.names = StackNames.placeholders(type, given);
    }

    @Test
    void bindsEveryNameFromTheVariablesTheTemplateSets() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                StackNames.asVariables(names)));

        assertThat(StackNames.valuesOf(bind(environment))).isEqualTo(StackNames.byOutputKey(names));
    }

    @Test
    void bindsEveryNameFromAFileOfOutputKeysAsBinRunWritesIt(@TempDir Path dir) throws Exception {
        var file = dir.resolve("stack-outputs.properties");
        var lines = new ArrayList<String>();
        names.forEach((key, value) -> lines.add(key + "=" + value));
        lines.add(StackNames.PREFIX + "SomeOtherServicesQueueUrl=http://127.0.0.1:9/000000000000/other");
        Files.write(file, lines);

        var stack = bind(new StandardEnvironment(), "--spring.config.import=file:" + file);

        assertThat(StackNames.valuesOf(stack)).isEqualTo(StackNames.byOutputKey(names));
    }

    @Test
    void refusesToStartWithoutItsNamesAndNamesEveryMissingOne() {
        assertThatException()
                .isThrownBy(() -> bind(new StandardEnvironment()))
                .satisfies(failure -> assertThat(messages(failure))
                        .contains(Arrays.stream(type.getRecordComponents())
                                .map(component -> "field '" + component.getName() + "'")
                                .toArray(String[]::new)));
    }

    /** The type as a started application binds it from {@code environment} and the command-line {@code args}. */
    protected T bind(StandardEnvironment environment, String... args) {
        try (var context = new SpringApplicationBuilder(binding)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .environment(environment)
                .run(args)) {
            return context.getBean(type);
        }
    }

    /** Every message of a failure and its causes, one a line. */
    protected static String messages(Throwable failure) {
        var text = new StringBuilder();
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }
}
