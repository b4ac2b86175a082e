package io.badgeflow.aws.testing;

import java.net.URI;
import java.nio.file.Path;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack for machines that have a Docker engine. The tag is the last one that runs without an auth token.
 * Our stacks are deployed to it with the same script as to the project's own emulator.
 */
final class LocalStackContainers {

    private LocalStackContainers() {
    }

    @SuppressWarnings("resource")
    static AwsEnvironment start(Path repo) {
        var container = new LocalStackContainer(DockerImageName.parse(AwsEnvironment.LOCALSTACK_IMAGE));
        container.start();
        return AwsEnvironment.deployedTo(repo, URI.create(container.getEndpoint().toString()), "testcontainers",
                container::stop);
    }
}
