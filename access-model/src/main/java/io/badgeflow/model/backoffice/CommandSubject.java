package io.badgeflow.model.backoffice;

import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.DeactivateEmployee;
import io.badgeflow.model.command.EraseEmployee;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.LinkCard;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.ReactivateEmployee;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.RegisterDoor;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.RegisterVisitor;
import io.badgeflow.model.command.ReportCardLost;
import io.badgeflow.model.command.ResumeCard;
import io.badgeflow.model.command.RevokeAccess;
import io.badgeflow.model.command.RevokeCard;
import io.badgeflow.model.command.RotateDoorKey;
import io.badgeflow.model.command.SetAntiPassback;
import io.badgeflow.model.command.SetCardValidity;
import io.badgeflow.model.command.SuspendCard;
import io.badgeflow.model.command.UnlinkCard;
import io.badgeflow.model.command.UpdateEmployee;

/** Whom a command names by itself, for the history of a rejected command (an applied one knows more). */
record CommandSubject(String employeeId, String subjectId) {

    static CommandSubject of(Command command) {
        return switch (command) {
            case RegisterEmployee c -> new CommandSubject(c.employeeId(), null);
            case UpdateEmployee c -> new CommandSubject(c.employeeId(), null);
            case DeactivateEmployee c -> new CommandSubject(c.employeeId(), null);
            case ReactivateEmployee c -> new CommandSubject(c.employeeId(), null);
            case OffboardEmployee c -> new CommandSubject(c.employeeId(), null);
            case EraseEmployee c -> new CommandSubject(c.employeeId(), null);
            case IssueCard c -> new CommandSubject(c.employeeId(), c.cardId());
            case LinkCard c -> new CommandSubject(c.employeeId(), c.cardId());
            case UnlinkCard c -> new CommandSubject(null, c.cardId());
            case SuspendCard c -> new CommandSubject(null, c.cardId());
            case ResumeCard c -> new CommandSubject(null, c.cardId());
            case ReportCardLost c -> new CommandSubject(null, c.cardId());
            case RevokeCard c -> new CommandSubject(null, c.cardId());
            case SetCardValidity c -> new CommandSubject(null, c.cardId());
            case RegisterBuilding c -> new CommandSubject(null, c.buildingId());
            case RegisterDoor c -> new CommandSubject(null, c.doorId());
            case RotateDoorKey c -> new CommandSubject(null, c.doorId());
            case SetAntiPassback c -> new CommandSubject(null, c.buildingId());
            case GrantAccess c -> new CommandSubject(c.employeeId(), c.buildingId());
            case RevokeAccess c -> new CommandSubject(c.employeeId(), c.buildingId());
            case RegisterVisitor c -> new CommandSubject(c.employeeId(), c.cardId());
        };
    }
}
