package io.badgeflow.aws.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives integration tests the shared {@link AwsEnvironment}: started once per test run
 * (kept in the root store, closed when the run ends, also when it fails) and injected as a parameter.
 * It never skips: if no endpoint can be had, the tests fail with the reason.
 */
public final class LocalAws implements ParameterResolver {

    /** For callers outside JUnit's parameter injection, such as a static {@code @DynamicPropertySource}. */
    public static synchronized AwsEnvironment environment() {
        if (shared == null) {
            shared = AwsEnvironment.start();
            Runtime.getRuntime().addShutdownHook(new Thread(LocalAws::stopShared, "stop-local-aws"));
        }
        return shared;
    }

    private static AwsEnvironment shared;

    private static synchronized void stopShared() {
        if (shared != null) {
            try {
                shared.close();
            } catch (Exception e) {
                System.err.println("could not stop the local AWS environment: " + e);
            }
            shared = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AwsEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return environment();
    }
}
