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

/** Routes each command to the decisions of its family, all reading the same store. */
final class Deciders {

    private final EmployeeDecisions employees;
    private final CardDecisions cards;
    private final SiteDecisions sites;
    private final GrantDecisions grants;
    private final VisitorDecisions visitors;

    Deciders(BackOfficeStore store) {
        this.employees = new EmployeeDecisions(store);
        this.cards = new CardDecisions(store);
        this.sites = new SiteDecisions(store);
        this.grants = new GrantDecisions(store);
        this.visitors = new VisitorDecisions(store);
    }

    Decision decide(Command command) {
        return switch (command) {
            case RegisterEmployee c -> employees.register(c);
            case UpdateEmployee c -> employees.update(c);
            case DeactivateEmployee c -> employees.deactivate(c);
            case ReactivateEmployee c -> employees.reactivate(c);
            case OffboardEmployee c -> employees.offboard(c);
            case EraseEmployee c -> employees.erase(c);
            case IssueCard c -> cards.issue(c);
            case LinkCard c -> cards.link(c);
            case UnlinkCard c -> cards.unlink(c.cardId());
            case SuspendCard c -> cards.suspend(c.cardId());
            case ResumeCard c -> cards.resume(c.cardId());
            case ReportCardLost c -> cards.reportLost(c.cardId());
            case RevokeCard c -> cards.revoke(c.cardId());
            case SetCardValidity c -> cards.setValidity(c);
            case RegisterBuilding c -> sites.registerBuilding(c);
            case RegisterDoor c -> sites.registerDoor(c);
            case RotateDoorKey c -> sites.rotateKey(c);
            case SetAntiPassback c -> sites.setAntiPassback(c);
            case GrantAccess c -> grants.grant(c);
            case RevokeAccess c -> grants.revoke(c);
            case RegisterVisitor c -> visitors.register(c);
        };
    }
}
