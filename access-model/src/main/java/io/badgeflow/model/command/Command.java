package io.badgeflow.model.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A back-office instruction, written once as a JSON document and applied at least once by card-events.
 * Every command carries its own id, the acting user's subject and when it was issued, so applying it again
 * is recognisable and harmless.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RegisterEmployee.class, name = "RegisterEmployee"),
    @JsonSubTypes.Type(value = UpdateEmployee.class, name = "UpdateEmployee"),
    @JsonSubTypes.Type(value = DeactivateEmployee.class, name = "DeactivateEmployee"),
    @JsonSubTypes.Type(value = ReactivateEmployee.class, name = "ReactivateEmployee"),
    @JsonSubTypes.Type(value = OffboardEmployee.class, name = "OffboardEmployee"),
    @JsonSubTypes.Type(value = EraseEmployee.class, name = "EraseEmployee"),
    @JsonSubTypes.Type(value = IssueCard.class, name = "IssueCard"),
    @JsonSubTypes.Type(value = LinkCard.class, name = "LinkCard"),
    @JsonSubTypes.Type(value = UnlinkCard.class, name = "UnlinkCard"),
    @JsonSubTypes.Type(value = SuspendCard.class, name = "SuspendCard"),
    @JsonSubTypes.Type(value = ResumeCard.class, name = "ResumeCard"),
    @JsonSubTypes.Type(value = ReportCardLost.class, name = "ReportCardLost"),
    @JsonSubTypes.Type(value = RevokeCard.class, name = "RevokeCard"),
    @JsonSubTypes.Type(value = SetCardValidity.class, name = "SetCardValidity"),
    @JsonSubTypes.Type(value = RegisterBuilding.class, name = "RegisterBuilding"),
    @JsonSubTypes.Type(value = RegisterDoor.class, name = "RegisterDoor"),
    @JsonSubTypes.Type(value = RotateDoorKey.class, name = "RotateDoorKey"),
    @JsonSubTypes.Type(value = SetAntiPassback.class, name = "SetAntiPassback"),
    @JsonSubTypes.Type(value = GrantAccess.class, name = "GrantAccess"),
    @JsonSubTypes.Type(value = RevokeAccess.class, name = "RevokeAccess"),
    @JsonSubTypes.Type(value = RegisterVisitor.class, name = "RegisterVisitor")
})
public sealed interface Command
        permits RegisterEmployee,
                UpdateEmployee,
                DeactivateEmployee,
                ReactivateEmployee,
                OffboardEmployee,
                EraseEmployee,
                IssueCard,
                LinkCard,
                UnlinkCard,
                SuspendCard,
                ResumeCard,
                ReportCardLost,
                RevokeCard,
                SetCardValidity,
                RegisterBuilding,
                RegisterDoor,
                RotateDoorKey,
                SetAntiPassback,
                GrantAccess,
                RevokeAccess,
                RegisterVisitor {

    String commandId();

    String actor();

    Instant occurredAt();

    /**
     * What the issuer said about why, kept with the applied command's record and audit entry; only an erasure
     * has one (its mandatory reason).
     */
    default String note() {
        return null;
    }

    /** The name written as {@code type} in the document. */
    default String type() {
        return getClass().getSimpleName();
    }
}
