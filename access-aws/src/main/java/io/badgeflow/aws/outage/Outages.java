package io.badgeflow.aws.outage;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Tells a dependency that cannot answer right now (unreachable, timing out, failing on its side, throttling, or
 * its store missing until the deploy re-creates it) from every other failure. The first is answered with 503 and
 * {@code Retry-After} and heals by itself; the rest are bugs or bad input and keep their own answers.
 */
public final class Outages {

    /**
     * Error codes that mean the store itself is missing (the emulator restarted without its state): the deploy
     * re-creates it, so a caller retries rather than treating it as a bug.
     */
    private static final Set<String> MISSING_STORE = Set.of("ResourceNotFoundException", "NoSuchBucket");

    private static final int MAX_DEPTH = 12;

    private Outages() {}

    /** The failure in the chain that shows a dependency could not answer, if there is one. */
    public static Optional<Throwable> dependencyFailure(Throwable failure) {
        var current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (isOutage(current)) {
                return Optional.of(current);
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    /** True when {@link #dependencyFailure} finds one. */
    public static boolean isDependencyFailure(Throwable failure) {
        return dependencyFailure(failure).isPresent();
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof SdkClientException
                || t instanceof ConnectException
                || t instanceof SocketTimeoutException
                || t instanceof HttpTimeoutException) {
            return true;
        }
        if (t instanceof SdkServiceException service) {
            if (service.statusCode() >= 500 || service.isThrottlingException()) {
                return true;
            }
            if (service instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                    && aws.awsErrorDetails() != null) {
                return MISSING_STORE.contains(aws.awsErrorDetails().errorCode());
            }
        }
        return false;
    }
}
