package io.badgeflow.cardevents.release;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.aws.s3.StoredObject;
import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.cardevents.delivery.AnnouncedObjects;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The release function: a function package uploaded to the artifacts bucket ({@code card-events/<sha256>-lambda.zip},
 * announced S3 -> SNS -> SQS) is rolled out to every card-events function. For each: its code is pointed at the
 * package and published as a new version, the version is smoke-invoked with S3's test event, and only a version
 * that answers as a healthy function does becomes live (the alias the event source mappings invoke). A package
 * that fails its smoke invoke is not promoted: the alias stays, the message fails, is retried and, after the
 * queue's maxReceiveCount, rests in the releases DLQ with the reason recorded. A package already live is skipped,
 * so redeliveries and the deploy script's own upload change nothing.
 */
@Component("promoteRelease")
class PromoteReleaseFunction implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PromoteReleaseFunction.class);
    private static final Pattern PACKAGE_KEY = Pattern.compile("card-events/[0-9a-f]{64}-lambda\\.zip");

    private final AnnouncedObjects announced;
    private final FunctionVersions versions;
    private final List<String> functions;

    PromoteReleaseFunction(AnnouncedObjects announced, FunctionVersions versions, CardEventsProperties properties) {
        this.announced = announced;
        this.versions = versions;
        this.functions = properties.release().functions();
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return announced.handle(event, this::rollOut);
    }

    private void rollOut(StoredObject object) {
        if (!PACKAGE_KEY.matcher(object.key()).matches()) {
            LOG.warn("ignoring {} in {}: not a function package name", object.key(), object.bucket());
            return;
        }
        for (var function : functions) {
            if (versions.livePackage(function).filter(object.key()::equals).isPresent()) {
                LOG.info("{} already runs {}", function, object.key());
                continue;
            }
            var version = versions.publish(function, object.bucket(), object.key());
            var problem = versions.smokeTestProblem(function, version);
            if (problem.isPresent()) {
                throw new ReleaseRefusedException(function + " version " + version + " of " + object.key()
                        + " failed its smoke invoke, the live alias stays: " + problem.get());
            }
            versions.promote(function, version);
            LOG.info("{} version {} ({}) is live", function, version, object.key());
        }
    }
}
