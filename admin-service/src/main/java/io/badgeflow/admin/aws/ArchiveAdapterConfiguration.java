package io.badgeflow.admin.aws;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.aws.archive.S3EventArchive;
import io.badgeflow.model.archive.EventArchive;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/** The door-event archive access-stream writes, read here for questions about the past. */
@Configuration(proxyBeanMethods = false)
class ArchiveAdapterConfiguration {

    @Bean
    EventArchive eventArchive(S3Client s3, AdminServiceStack stack) {
        return new S3EventArchive(s3, stack.archiveBucketName());
    }
}
