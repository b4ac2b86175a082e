package io.badgeflow.cardevents.command;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.json.UnreadableMessageException;
import io.badgeflow.aws.s3.CommandDocumentKey;
import io.badgeflow.aws.s3.StoredObject;
import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.cardevents.delivery.AnnouncedObjects;
import io.badgeflow.cardevents.delivery.CommandDocuments;
import io.badgeflow.cardevents.delivery.DocumentTooLargeException;
import io.badgeflow.cardevents.erasure.PersonalCommandDocuments;
import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The commands Lambda: applies each command document announced in an SQS batch. A document that is not a
 * valid command is final (REJECTED, the document stays in S3); anything that might succeed later (S3 or
 * DynamoDB unavailable, an unreadable envelope) fails that message only, so SQS retries it and, after
 * {@code maxReceiveCount}, moves it to the DLQ. The reason of each failure is recorded, so the DLQ message
 * can be read together with it. Every finished command is appended to the admin audit trail before the message
 * counts as done; a redelivery appends it again, which the trail ignores. An applied erasure also deletes the
 * command documents that carried the person's data ({@link PersonalCommandDocuments}).
 */
@Component("applyCommand")
class ApplyCommandFunction implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyCommandFunction.class);
    private static final String ERASURE = "EraseEmployee";

    private final CommandDocuments documents;
    private final CommandApplier applier;
    private final AnnouncedObjects announced;
    private final AdminAuditTrail audit;
    private final long maxCommandBytes;
    private final PersonalCommandDocuments personalDocuments;

    ApplyCommandFunction(
            CommandDocuments documents,
            CommandApplier applier,
            AnnouncedObjects announced,
            AdminAuditTrail audit,
            CardEventsProperties properties,
            PersonalCommandDocuments personalDocuments) {
        this.personalDocuments = personalDocuments;
        this.documents = documents;
        this.applier = applier;
        this.announced = announced;
        this.audit = audit;
        this.maxCommandBytes = properties.maxCommandBytes();
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return announced.handle(event, this::applyDocument);
    }

    private void applyDocument(StoredObject object) {
        var named = CommandDocumentKey.commandIdOf(object.key());
        if (named.isEmpty()) {
            LOG.warn("ignoring {} in {}: not a command document name", object.key(), object.bucket());
            return;
        }
        var commandId = named.get();
        var record = finish(commandId, object);
        if (record.status() == CommandStatus.APPLIED && ERASURE.equals(record.type())) {
            // the documents that carried the person's data go too; a redelivery repeats this harmlessly
            var deleted = personalDocuments.erase(object.bucket(), record.employeeId());
            LOG.info(
                    "erasure {}: {} command documents of employee {} deleted", commandId, deleted, record.employeeId());
        }
        audit.append(commandId, List.of(AuditEntry.of(record)));
        LOG.info(
                "command {} {} {}{}",
                commandId,
                record.type(),
                record.status(),
                record.reason() == null ? "" : " " + record.reason() + ": " + record.message());
    }

    private CommandRecord finish(String commandId, StoredObject object) {
        byte[] bytes;
        try {
            bytes = documents.load(object, maxCommandBytes);
        } catch (DocumentTooLargeException tooLarge) {
            return applier.reject(commandId, RejectionReason.DOCUMENT_TOO_LARGE, tooLarge.getMessage(), object.key());
        }
        try {
            var command = MessageJson.readCommand(bytes);
            if (!command.commandId().equals(commandId)) {
                return applier.reject(
                        commandId,
                        RejectionReason.INVALID_FIELD,
                        "commandId " + command.commandId() + " does not match the document name",
                        object.key());
            }
            return applier.apply(command, object.key());
        } catch (UnreadableMessageException unreadable) {
            var reason = switch (unreadable.kind()) {
                case MALFORMED -> RejectionReason.MALFORMED_COMMAND;
                case UNKNOWN_TYPE -> RejectionReason.UNKNOWN_COMMAND;
                case INVALID_FIELD -> RejectionReason.INVALID_FIELD;
            };
            return applier.reject(commandId, reason, unreadable.getMessage(), object.key());
        }
    }
}
