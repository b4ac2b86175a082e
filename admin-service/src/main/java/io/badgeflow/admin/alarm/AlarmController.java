package io.badgeflow.admin.alarm;

import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import io.badgeflow.model.alarm.AlarmBoard;
import io.badgeflow.model.alarm.AlarmHandling;
import io.badgeflow.model.alarm.AlarmRecord;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alarms page: open alarms newest first, the history of one door or building, and acknowledging and resolving
 * with who, when and a note (docs/back-office-api.md, "Alarms"). Operators and admins act; auditors read. Each
 * action is appended to the admin audit trail (AlarmHandlings).
 */
@RestController
@RequestMapping("/api/v1/alarms")
class AlarmController {

    static final int DEFAULT_LIMIT = 50;

    private final AlarmBoard board;
    private final AlarmHandlings handlings;

    AlarmController(AlarmBoard board, AlarmHandlings handlings) {
        this.board = board;
        this.handlings = handlings;
    }

    /** Unresolved alarms, or with {@code doorId} / {@code buildingId} that door's or building's history. */
    @GetMapping
    @PreAuthorize(Roles.ANY_STAFF)
    AlarmsView alarms(
            @RequestParam(required = false) String doorId,
            @RequestParam(required = false) String buildingId,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > AlarmBoard.MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + AlarmBoard.MAX_LIMIT);
        }
        if (doorId != null && buildingId != null) {
            throw new InvalidFieldException("doorId", "and buildingId cannot be combined: choose one");
        }
        List<AlarmRecord> records;
        if (doorId != null) {
            records = board.atDoor(Require.id("doorId", doorId), limit);
        } else if (buildingId != null) {
            records = board.inBuilding(Require.id("buildingId", buildingId), limit);
        } else {
            records = board.unresolved(limit);
        }
        return new AlarmsView(records.stream().map(AlarmView::of).toList());
    }

    @GetMapping("/{alarmId}")
    @PreAuthorize(Roles.ANY_STAFF)
    AlarmView alarm(@PathVariable String alarmId) {
        return board.find(Require.id("alarmId", alarmId))
                .map(AlarmView::of)
                .orElseThrow(() -> NotFound.of("alarm", alarmId));
    }

    @PostMapping("/{alarmId}/acknowledge")
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    AlarmView acknowledge(
            @PathVariable String alarmId, @Valid @RequestBody NoteRequest request, @AuthenticationPrincipal Jwt user) {
        return AlarmView.of(handlings.apply(
                Require.id("alarmId", alarmId),
                user,
                (handling, actor, at) -> handling.acknowledge(alarmId, actor, at, note(request)),
                "AcknowledgeAlarm"));
    }

    @PostMapping("/{alarmId}/resolve")
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    AlarmView resolve(
            @PathVariable String alarmId, @Valid @RequestBody NoteRequest request, @AuthenticationPrincipal Jwt user) {
        return AlarmView.of(handlings.apply(
                Require.id("alarmId", alarmId),
                user,
                (handling, actor, at) -> handling.resolve(alarmId, actor, at, note(request)),
                "ResolveAlarm"));
    }

    private static String note(NoteRequest request) {
        return request.note();
    }

    /** The body of acknowledge and resolve ({@code {}} without a note): an object, as the document says. */
    record NoteRequest(
            @Size(max = AlarmHandling.MAX_NOTE) @Pattern(regexp = ApiPatterns.TEXT, message = ApiPatterns.TEXT_MESSAGE)
            String note) {}

    /** The body of {@code GET /api/v1/alarms}. */
    record AlarmsView(List<AlarmView> alarms) {}
}
