package io.badgeflow.admin.alarm;

import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.alarm.AlarmBoard;
import io.badgeflow.model.alarm.AlarmHandling;
import io.badgeflow.model.alarm.AlarmRecord;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.command.CommandStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Acknowledging or resolving one alarm: read it, apply the transition (the model's rules), store it under a
 * condition on the status it was read in, then append the action to the admin audit trail. The audit block id is
 * {@code alarm:<alarmId>:<status>}: an alarm reaches each status once, so a retried request appends nothing new.
 * The handling names the user by their sign-in name (what the alarms page shows); the audit entry by the token's
 * subject, like every other entry of the trail.
 */
@Component
public class AlarmHandlings {

    private final AlarmBoard board;
    private final AdminAuditTrail audit;
    private final Clock clock;

    AlarmHandlings(AlarmBoard board, AdminAuditTrail audit, Clock clock) {
        this.board = board;
        this.audit = audit;
        this.clock = clock;
    }

    /** A transition of the handling: given the current one, who and when, the next one (or a refusal). */
    interface Transition {
        AlarmHandling next(AlarmHandling current, String actor, Instant at);
    }

    AlarmRecord apply(String alarmId, Jwt user, Transition transition, String action) {
        var record = board.find(alarmId).orElseThrow(() -> NotFound.of("alarm", alarmId));
        var at = clock.instant();
        var next = transition.next(record.handling(), displayName(user), at);
        board.replace(alarmId, record.handling(), next);
        audit.append(
                "alarm:" + alarmId + ":" + next.status(),
                List.of(new AuditEntry(
                        "alarm:" + alarmId + ":" + next.status(),
                        action,
                        user.getSubject(),
                        CommandStatus.APPLIED,
                        null,
                        alarmId,
                        at)));
        return new AlarmRecord(record.alarm(), next);
    }

    static String displayName(Jwt user) {
        var username = user.getClaimAsString("username");
        return username == null || username.isBlank() ? user.getSubject() : username;
    }
}
