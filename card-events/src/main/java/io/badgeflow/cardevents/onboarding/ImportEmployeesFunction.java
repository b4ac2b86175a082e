package io.badgeflow.cardevents.onboarding;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.aws.s3.StoredObject;
import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.cardevents.delivery.AnnouncedObjects;
import io.badgeflow.cardevents.delivery.DocumentTooLargeException;
import io.badgeflow.model.onboarding.HrSync;
import io.badgeflow.model.onboarding.ImportConfirmation;
import io.badgeflow.model.onboarding.ImportId;
import io.badgeflow.model.onboarding.ImportLedger;
import io.badgeflow.model.onboarding.ImportSource;
import io.badgeflow.model.onboarding.ImportStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The imports Lambda: an HR sync in two steps, both announced from the imports bucket. A new file
 * ({@code imports/**.csv}) is reconciled with the people and its plan stored: the dry run, nothing applied. A file
 * under {@code imports/full/}, or uploaded with {@code fullExport=true}, is a full export: whoever it leaves out is
 * offboarded. A confirmation ({@code imports/confirmations/*.csv}, written by admin-service) applies the plan it
 * names, if the people still lead to it. A file that is no import (not CSV, no usable header, too large) is rejected
 * with its reason; a failure that may pass (a store unavailable) fails the message, which SQS retries and then
 * dead-letters; both steps are idempotent under redelivery.
 */
@Component("importEmployees")
class ImportEmployeesFunction implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ImportEmployeesFunction.class);
    /** Who the audit trail names for a file dropped straight into the bucket (its uploader is IAM, not a user). */
    static final String BUCKET_UPLOADER = "imports-bucket";
    /** Files dropped here are full exports. */
    static final String FULL_EXPORTS = "imports/full/";
    /** admin-service stores an upload as {@code imports/<importId>.csv}. */
    private static final Pattern UPLOAD = Pattern.compile("imports/([0-9a-f]{32})\\.csv");

    private static final long MAX_CONFIRMATION_BYTES = 16 * 1024;

    private final ImportDocuments documents;
    private final HrSync sync;
    private final ImportLedger ledger;
    private final AnnouncedObjects announced;
    private final CardEventsProperties.Imports settings;
    private final ImportMeter meter;

    ImportEmployeesFunction(
            ImportDocuments documents,
            HrSync sync,
            ImportLedger ledger,
            AnnouncedObjects announced,
            CardEventsProperties properties,
            ImportMeter meter) {
        this.documents = documents;
        this.sync = sync;
        this.ledger = ledger;
        this.announced = announced;
        this.settings = properties.imports();
        this.meter = meter;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return announced.handle(event, this::handle);
    }

    private void handle(StoredObject object) {
        if (!object.key().startsWith("imports/") || !object.key().endsWith(".csv")) {
            LOG.warn("ignoring {} in {}: imports are imports/*.csv", object.key(), object.bucket());
        } else if (object.key().startsWith(ConfirmationFile.PREFIX)) {
            confirm(object);
        } else {
            plan(object);
        }
    }

    private void plan(StoredObject object) {
        ImportDocuments.ImportDocument document;
        try {
            document = documents.load(object, settings.maxFileBytes());
        } catch (DocumentTooLargeException tooLarge) {
            var importId = ImportId.of(object.key().getBytes(StandardCharsets.UTF_8));
            sync.reject(importId, object.key(), ImportSource.UNKNOWN, tooLarge.getMessage());
            LOG.info("import {} ({}) REJECTED: {}", importId, object.key(), tooLarge.getMessage());
            return;
        }
        var importId = importId(object.key(), document.content());
        var source = source(document);
        try {
            var read = ImportFile.parse(document.content(), settings.maxRows());
            var full = document.fullExport() || object.key().startsWith(FULL_EXPORTS);
            var summary = sync.plan(
                    importId,
                    object.key(),
                    source,
                    read.rows(),
                    full ? read.options().asFullExport() : read.options());
            LOG.info(
                    "import {} ({}) {}: {} rows, plan {}",
                    importId,
                    object.key(),
                    summary.status(),
                    summary.rowsTotal(),
                    summary.plan());
        } catch (UnreadableImportException unreadable) {
            sync.reject(importId, object.key(), source, unreadable.getMessage());
            LOG.info("import {} ({}) REJECTED: {}", importId, object.key(), unreadable.getMessage());
        }
    }

    private void confirm(StoredObject object) {
        ImportDocuments.ImportDocument document;
        try {
            document = documents.load(object, MAX_CONFIRMATION_BYTES);
        } catch (DocumentTooLargeException tooLarge) {
            LOG.warn("ignoring confirmation {}: {}", object.key(), tooLarge.getMessage());
            return;
        }
        ImportConfirmation confirmation;
        try {
            confirmation = ConfirmationFile.parse(document.content());
        } catch (UnreadableImportException unreadable) {
            LOG.warn("ignoring confirmation {}: {}", object.key(), unreadable.getMessage());
            return;
        }
        var summary = ledger.find(confirmation.importId()).orElse(null);
        if (summary == null || summary.plan() == null) {
            LOG.warn("ignoring confirmation {}: import {} has no plan", object.key(), confirmation.importId());
            return;
        }
        if (summary.status() == ImportStatus.COMPLETED) {
            return;
        }
        var file =
                documents.load(new StoredObject(object.bucket(), summary.objectKey(), null), settings.maxFileBytes());
        if (!UPLOAD.matcher(summary.objectKey()).matches()
                && !ImportId.ofDrop(summary.objectKey(), file.content()).equals(confirmation.importId())) {
            LOG.warn(
                    "not applying import {}: {} was replaced since it was planned (the new file is a new import)",
                    confirmation.importId(),
                    summary.objectKey());
            return;
        }
        var read = ImportFile.parse(file.content(), settings.maxRows());
        var options = summary.plan().fullExport() ? read.options().asFullExport() : read.options();
        var invoked = Instant.now();
        var after = sync.apply(confirmation, source(file), read.rows(), options);
        // A repeated confirmation answers the import done before: counted once, when it finished.
        if (after.status() == ImportStatus.COMPLETED
                && after.finishedAt() != null
                && !after.finishedAt().isBefore(invoked)) {
            meter.finished(after);
        }
        LOG.info(
                "import {} ({}) {}: {} applied, {} rejected{}",
                confirmation.importId(),
                summary.objectKey(),
                after.status(),
                after.applied(),
                after.rejected(),
                after.reason() == null ? "" : " (" + after.reason() + ")");
    }

    private static String importId(String key, byte[] content) {
        var upload = UPLOAD.matcher(key);
        return upload.matches() ? upload.group(1) : ImportId.ofDrop(key, content);
    }

    private static ImportSource source(ImportDocuments.ImportDocument document) {
        return new ImportSource(
                document.uploadedBy() == null ? BUCKET_UPLOADER : document.uploadedBy(), document.fileName());
    }
}
