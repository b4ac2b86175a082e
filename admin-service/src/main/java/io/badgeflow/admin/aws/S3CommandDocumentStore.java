package io.badgeflow.admin.aws;

import io.awspring.cloud.s3.S3Operations;
import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.command.CommandDocumentStore;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.s3.CommandDocumentKey;
import io.badgeflow.model.command.Command;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes command documents to the commands bucket, where the bucket's notification starts the S3 -> SNS -> SQS
 * path. The bucket's default SSE-KMS encrypts them; {@code If-None-Match: *} refuses to overwrite a command.
 */
@Component
class S3CommandDocumentStore implements CommandDocumentStore {

    private final S3Client s3;
    private final S3Operations s3Template;
    private final String bucket;

    S3CommandDocumentStore(S3Client s3, S3Operations s3Template, AdminServiceStack stack) {
        this.s3 = s3;
        this.s3Template = s3Template;
        this.bucket = stack.commandsBucketName();
    }

    @Override
    public void write(Command command) {
        // S3Client, not S3Template: the template has no conditional put (If-None-Match).
        s3.putObject(
                request -> request.bucket(bucket)
                        .key(CommandDocumentKey.of(command.commandId()))
                        .contentType("application/json")
                        .ifNoneMatch("*"),
                RequestBody.fromBytes(MessageJson.write(command)));
    }

    @Override
    public boolean exists(String commandId) {
        return s3Template.objectExists(bucket, CommandDocumentKey.of(commandId));
    }
}
