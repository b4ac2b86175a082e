package io.badgeflow.admin.aws;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.command.CommandDocumentStore;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.s3.CommandDocumentKey;
import io.badgeflow.model.command.Command;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Writes command documents to the commands bucket, where the bucket's notification starts the S3 -> SNS -> SQS
 * path. The bucket's default SSE-KMS encrypts them; {@code If-None-Match: *} refuses to overwrite a command.
 */
@Component
class S3CommandDocumentStore implements CommandDocumentStore {

    private final S3Client s3;
    private final String bucket;

    S3CommandDocumentStore(S3Client s3, AdminServiceStack stack) {
        this.s3 = s3;
        this.bucket = stack.commandsBucketName();
    }

    @Override
    public void write(Command command) {
        s3.putObject(
                request -> request.bucket(bucket)
                        .key(CommandDocumentKey.of(command.commandId()))
                        .contentType("application/json")
                        .ifNoneMatch("*"),
                RequestBody.fromBytes(MessageJson.write(command)));
    }

    @Override
    public boolean exists(String commandId) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(CommandDocumentKey.of(commandId)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
