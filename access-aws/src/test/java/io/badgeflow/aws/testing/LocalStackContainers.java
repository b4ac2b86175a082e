package io.badgeflow.aws.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack for machines that have a Docker engine. The tag is the last one that runs without an auth token.
 * Our stacks are deployed to it with the same script as to the project's own emulator.
 */
final class LocalStackContainers {

    private LocalStackContainers() {}

    /**
     * LocalStack with our stacks, or empty when they cannot be deployed there (its community edition has no
     * Cognito, which the identity stack needs); the container is stopped again in that case.
     */
    @SuppressWarnings("resource")
    static Optional<AwsEnvironment> start(Path repo) {
        var container = new LocalStackContainer(DockerImageName.parse(AwsEnvironment.LOCALSTACK_IMAGE));
        container.start();
        try {
            return Optional.of(AwsEnvironment.deployedTo(
                    repo, URI.create(container.getEndpoint().toString()), "testcontainers", container::stop));
        } catch (RuntimeException notDeployable) {
            System.err.println("LocalStack " + AwsEnvironment.LOCALSTACK_IMAGE + " cannot carry our stacks ("
                    + notDeployable.getMessage().lines().findFirst().orElse("") + "); using the project's emulator");
            return Optional.empty();
        }
    }
}
