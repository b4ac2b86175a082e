package io.badgeflow.cardevents.release;

import java.util.Optional;

/**
 * The functions a release rolls out, as the release path sees them: which package the live alias runs, a new
 * version published from a package, a smoke invoke of that version, and the alias moved to it.
 */
public interface FunctionVersions {

    /** The package key the function's live alias runs (the description of the version it points to). */
    Optional<String> livePackage(String function);

    /** Points the function's code at {@code packageKey} and publishes it as a new version; returns the version. */
    String publish(String function, String bucket, String packageKey);

    /** Invokes {@code version} with S3's test event; empty when it answered as a healthy function does. */
    Optional<String> smokeTestProblem(String function, String version);

    /** Moves the live alias to {@code version}. */
    void promote(String function, String version);
}
