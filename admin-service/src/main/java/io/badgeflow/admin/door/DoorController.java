package io.badgeflow.admin.door;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.badgeflow.admin.command.AcceptedAnswer;
import io.badgeflow.admin.command.CommandSubmissions;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.Require;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.RegisterDoor;
import io.badgeflow.model.command.RotateDoorKey;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.DoorCapability;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Doors and their device keys. A key is generated here, shown once in the 202 and never stored or logged: only
 * its SHA-256 travels in the command, so neither the bucket, the tables nor a retry can give it away again. A
 * lost key is replaced by rotating it.
 */
@RestController
class DoorController {

    private final CommandSubmissions commands;
    private final BackOfficeDirectory directory;

    DoorController(CommandSubmissions commands, BackOfficeDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @PostMapping("/api/v1/buildings/{buildingId}/doors")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<DoorKeyAccepted> register(
            @PathVariable String buildingId,
            @Valid @RequestBody RegisterDoorRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        var key = DeviceKey.generate();
        var doorId = request.doorId() == null || request.doorId().isBlank()
                ? UUID.randomUUID().toString()
                : request.doorId();
        return commands.submit(
                user,
                idempotencyKey,
                request,
                stamp -> new RegisterDoor(
                        stamp.commandId(),
                        stamp.actor(),
                        stamp.occurredAt(),
                        doorId,
                        buildingId,
                        request.name(),
                        request.capability(),
                        DeviceKeyHash.of(key).sha256Hex()),
                command -> DoorKeyAccepted.shown(command.commandId(), command.buildingId(), command.doorId(), key),
                DoorKeyAccepted.class);
    }

    /** Replaces the door's key; the old one stops working once the command is applied. */
    @PostMapping("/api/v1/doors/{doorId}/rotate-key")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<DoorKeyAccepted> rotateKey(
            @PathVariable String doorId,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        var key = DeviceKey.generate();
        return commands.submit(
                user,
                idempotencyKey,
                null,
                stamp -> new RotateDoorKey(
                        stamp.commandId(),
                        stamp.actor(),
                        stamp.occurredAt(),
                        doorId,
                        DeviceKeyHash.of(key).sha256Hex()),
                command -> DoorKeyAccepted.shown(command.commandId(), null, command.doorId(), key),
                DoorKeyAccepted.class);
    }

    @GetMapping("/api/v1/doors/{doorId}")
    @PreAuthorize(Roles.ANY_STAFF)
    DoorView door(@PathVariable String doorId) {
        Require.id("doorId", doorId);
        return directory.door(doorId).map(DoorView::of).orElseThrow(() -> NotFound.of("door", doorId));
    }

    /** The body of a door registration; without {@code doorId} one is chosen. */
    record RegisterDoorRequest(
            @NotBlank
            @Size(max = 128)
            @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
            String name,

            @NotNull DoorCapability capability,

            @Pattern(regexp = ApiPatterns.ID, message = ApiPatterns.ID_MESSAGE)
            String doorId) {}

    /**
     * The 202 body of a registration or rotation: {@code deviceKey} is the plaintext key, here and nowhere else.
     * A retry with the same {@code Idempotency-Key} gets the same command but no key, and a note saying why.
     */
    record DoorKeyAccepted(
            String commandId,
            CommandStatus status,
            @JsonInclude(Include.NON_NULL) String buildingId,
            String doorId,
            String deviceKey,
            @JsonInclude(Include.NON_NULL) String deviceKeyNote)
            implements AcceptedAnswer {

        static final String NOT_SHOWN_AGAIN = "The device key was shown once, in the answer to the first request, "
                + "and is not stored. If it was lost, rotate the door's key (POST /api/v1/doors/{doorId}/rotate-key).";

        static DoorKeyAccepted shown(String commandId, String buildingId, String doorId, DeviceKey key) {
            return new DoorKeyAccepted(commandId, CommandStatus.PENDING, buildingId, doorId, key.reveal(), null);
        }

        @Override
        public DoorKeyAccepted forRetry() {
            return new DoorKeyAccepted(commandId, status, buildingId, doorId, null, NOT_SHOWN_AGAIN);
        }

        @Override
        public String toString() {
            return "DoorKeyAccepted[commandId=" + commandId + ", doorId=" + doorId + ", deviceKey=hidden]";
        }
    }
}
