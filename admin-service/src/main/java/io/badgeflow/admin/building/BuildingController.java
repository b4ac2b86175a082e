package io.badgeflow.admin.building;

import io.badgeflow.admin.command.AcceptedAnswer;
import io.badgeflow.admin.command.CommandSubmissions;
import io.badgeflow.admin.door.DoorView;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.admin.web.Paging;
import io.badgeflow.model.Require;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.SetAntiPassback;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.presence.AntiPassback;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buildings: registered under the short code the back office chooses (it is the id imports and grants use), with
 * the time zone grant schedules are read in and the anti-passback mode its doors apply.
 */
@RestController
@RequestMapping("/api/v1/buildings")
class BuildingController {

    private final CommandSubmissions commands;
    private final BackOfficeDirectory directory;

    BuildingController(CommandSubmissions commands, BackOfficeDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @PostMapping
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<BuildingAccepted> register(
            @Valid @RequestBody RegisterBuildingRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return commands.submit(
                user,
                idempotencyKey,
                request,
                stamp -> new RegisterBuilding(
                        stamp.commandId(),
                        stamp.actor(),
                        stamp.occurredAt(),
                        request.buildingId(),
                        request.name(),
                        request.timeZone()),
                command -> new BuildingAccepted(command.commandId(), CommandStatus.PENDING, command.buildingId()),
                BuildingAccepted.class);
    }

    /**
     * Sets the building's anti-passback mode; the command checks the body (an unknown mode, or minutes where they
     * do not belong, is a 400 naming the field) and is REJECTED later if the building does not exist.
     */
    @PutMapping("/{buildingId}/anti-passback")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<BuildingAccepted> setAntiPassback(
            @PathVariable String buildingId,
            @RequestBody AntiPassbackRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return commands.submit(
                user,
                idempotencyKey,
                request,
                stamp -> new SetAntiPassback(
                        stamp.commandId(),
                        stamp.actor(),
                        stamp.occurredAt(),
                        buildingId,
                        request.mode(),
                        request.minutes()),
                command -> new BuildingAccepted(command.commandId(), CommandStatus.PENDING, command.buildingId()),
                BuildingAccepted.class);
    }

    @GetMapping
    @PreAuthorize(Roles.ANY_STAFF)
    Page<BuildingView> buildings(
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size, @RequestParam(required = false) String cursor) {
        return Paging.map(directory.buildings(Paging.request(size, cursor)), BuildingView::of);
    }

    @GetMapping("/{buildingId}")
    @PreAuthorize(Roles.ANY_STAFF)
    BuildingDetails building(@PathVariable String buildingId) {
        Require.id("buildingId", buildingId);
        var building = directory.building(buildingId).orElseThrow(() -> NotFound.of("building", buildingId));
        return new BuildingDetails(
                BuildingView.of(building),
                directory.doorsOf(buildingId).stream().map(DoorView::of).toList());
    }

    /** The body of {@code POST /api/v1/buildings}; {@code timeZone} is an IANA zone such as Europe/London. */
    record RegisterBuildingRequest(
            @NotBlank @Pattern(regexp = ApiPatterns.ID, message = ApiPatterns.ID_MESSAGE)
            String buildingId,

            @NotBlank
            @Size(max = 128)
            @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
            String name,

            @NotBlank @Size(max = 64) String timeZone) {}

    /**
     * The body of {@code PUT /api/v1/buildings/{buildingId}/anti-passback}: {@code mode} HARD, SOFT, TIMED or OFF;
     * {@code minutes} (1-1440) for TIMED only.
     */
    record AntiPassbackRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"HARD", "SOFT", "TIMED", "OFF"})
            String mode,

            @Schema(minimum = "1", maximum = "1440") Integer minutes) {}

    /** The 202 body: the command to follow and the building's code. */
    record BuildingAccepted(String commandId, CommandStatus status, String buildingId) implements AcceptedAnswer {}

    /** One building. */
    record BuildingView(String buildingId, String name, String timeZone, AntiPassbackView antiPassback) {

        static BuildingView of(Building building) {
            return new BuildingView(
                    building.buildingId(),
                    building.name(),
                    building.timeZone().getId(),
                    AntiPassbackView.of(building.antiPassback()));
        }
    }

    /** A building's anti-passback mode; {@code minutes} only for TIMED, null otherwise. */
    record AntiPassbackView(AntiPassback.Mode mode, Integer minutes) {

        static AntiPassbackView of(AntiPassback setting) {
            return new AntiPassbackView(
                    setting.mode(), setting.mode() == AntiPassback.Mode.TIMED ? setting.minutes() : null);
        }
    }

    /** One building with its doors. */
    record BuildingDetails(BuildingView building, List<DoorView> doors) {}
}
