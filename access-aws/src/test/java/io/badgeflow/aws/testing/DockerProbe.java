package io.badgeflow.aws.testing;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers; a client binary alone (as on our build machines) is not enough. */
final class DockerProbe {

    private DockerProbe() {}

    static boolean dockerAnswers() {
        if ("false".equalsIgnoreCase(System.getenv("BADGEFLOW_USE_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }
}
