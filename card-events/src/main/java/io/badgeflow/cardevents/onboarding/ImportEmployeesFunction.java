package io.badgeflow.cardevents.onboarding;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.aws.s3.StoredObject;
import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.cardevents.delivery.AnnouncedObjects;
import io.badgeflow.cardevents.delivery.DocumentTooLargeException;
import io.badgeflow.model.onboarding.ImportId;
import io.badgeflow.model.onboarding.ImportSource;
import io.badgeflow.model.onboarding.Onboarding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The imports Lambda: onboards every HR export announced in an SQS batch. The import is named by the file's
 * content, so a redelivered or re-uploaded file resumes or repeats the same import instead of starting a
 * second one. A file that is no import (not CSV, no usable header, too large) is rejected with its reason; a
 * failure that may pass (a store unavailable) fails the message, which SQS retries and then dead-letters.
 */
@Component("importEmployees")
class ImportEmployeesFunction implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ImportEmployeesFunction.class);
    /** Who the audit trail names for a file dropped straight into the bucket (its uploader is IAM, not a user). */
    static final String BUCKET_UPLOADER = "imports-bucket";

    private final ImportDocuments documents;
    private final Onboarding onboarding;
    private final AnnouncedObjects announced;
    private final CardEventsProperties.Imports settings;
    private final ImportMeter meter;

    ImportEmployeesFunction(
            ImportDocuments documents,
            Onboarding onboarding,
            AnnouncedObjects announced,
            CardEventsProperties properties,
            ImportMeter meter) {
        this.documents = documents;
        this.onboarding = onboarding;
        this.announced = announced;
        this.settings = properties.imports();
        this.meter = meter;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return announced.handle(event, this::importFile);
    }

    private void importFile(StoredObject object) {
        if (!object.key().startsWith("imports/") || !object.key().endsWith(".csv")) {
            LOG.warn("ignoring {} in {}: imports are imports/*.csv", object.key(), object.bucket());
            return;
        }
        ImportDocuments.ImportDocument document;
        try {
            document = documents.load(object, settings.maxFileBytes());
        } catch (DocumentTooLargeException tooLarge) {
            var importId = ImportId.of(object.key().getBytes(StandardCharsets.UTF_8));
            onboarding.reject(importId, object.key(), ImportSource.UNKNOWN, tooLarge.getMessage());
            LOG.info("import {} ({}) REJECTED: {}", importId, object.key(), tooLarge.getMessage());
            return;
        }
        var importId = ImportId.of(document.content());
        var actor = document.uploadedBy() == null ? BUCKET_UPLOADER : document.uploadedBy();
        var source = new ImportSource(actor, document.fileName());
        try {
            var rows = ImportFile.parse(document.content(), settings.maxRows());
            var invoked = Instant.now();
            var summary = onboarding.run(importId, object.key(), source, rows);
            // A repeated file answers the import done before: counted once, when it finished.
            if (summary.finishedAt() != null && !summary.finishedAt().isBefore(invoked)) {
                meter.finished(summary);
            }
            LOG.info(
                    "import {} ({}) {}: {} rows, {} applied, {} rejected",
                    importId,
                    object.key(),
                    summary.status(),
                    summary.rowsTotal(),
                    summary.applied(),
                    summary.rejected());
        } catch (UnreadableImportException unreadable) {
            onboarding.reject(importId, object.key(), source, unreadable.getMessage());
            LOG.info("import {} ({}) REJECTED: {}", importId, object.key(), unreadable.getMessage());
        }
    }
}
