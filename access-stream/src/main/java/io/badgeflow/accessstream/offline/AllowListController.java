package io.badgeflow.accessstream.offline;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.SwipeIntake;
import java.util.Base64;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a door fetches the list it decides from when the decision API cannot answer (docs/contracts.md): the
 * signed document in the body, the signature and the key that made it in headers. Authenticated like the decision
 * API, by the door's own key; a door gets its own list only.
 */
// Only where the door API is served: its beans (OfflineConfiguration) exist only there.
@ConditionalOnWebApplication
@RestController
class AllowListController {

    static final String DOOR_KEY_HEADER = "X-Door-Key";
    static final String SIGNATURE_HEADER = "X-Allow-List-Signature";
    static final String KEY_ID_HEADER = "X-Allow-List-Key-Id";
    static final String ALGORITHM_HEADER = "X-Allow-List-Signature-Algorithm";

    private final SwipeIntake doors;
    private final DoorAllowLists lists;
    private final AllowListSigner signer;
    private final DoorListReports reports;

    AllowListController(SwipeIntake doors, DoorAllowLists lists, AllowListSigner signer, DoorListReports reports) {
        this.doors = doors;
        this.lists = lists;
        this.signer = signer;
        this.reports = reports;
    }

    @GetMapping(path = "/door-api/v1/doors/{doorId}/allow-list", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> allowList(
            @PathVariable String doorId,
            @RequestHeader(name = DOOR_KEY_HEADER, required = false) String key,
            @RequestParam(required = false) String since) {
        var door = doors.authenticate(doorId, DeviceKey.presented(key));
        var signed = lists.fetch(door, version(since));
        // The door now holds the current version, once it has verified it (its next request says so).
        reports.confirmed(door.doorId(), signed.version());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(
                        SIGNATURE_HEADER,
                        Base64.getEncoder().encodeToString(signed.signature().der()))
                .header(KEY_ID_HEADER, signed.signature().keyId())
                .header(ALGORITHM_HEADER, AllowListSigner.ALGORITHM)
                .body(signed.body());
    }

    /** The key a door verifies its lists with; a door should be given it at installation and compare. */
    @GetMapping(path = "/door-api/v1/doors/{doorId}/allow-list/public-key", produces = MediaType.APPLICATION_JSON_VALUE)
    PublicKeyAnswer publicKey(
            @PathVariable String doorId, @RequestHeader(name = DOOR_KEY_HEADER, required = false) String key) {
        doors.authenticate(doorId, DeviceKey.presented(key));
        var publicKey = signer.publicKey();
        return new PublicKeyAnswer(
                publicKey.keyId(),
                AllowListSigner.ALGORITHM,
                "X.509 SubjectPublicKeyInfo, DER, base64",
                Base64.getEncoder().encodeToString(publicKey.spkiDer()));
    }

    private static Long version(String since) {
        if (since == null) {
            return null;
        }
        if (!since.matches("[0-9]{1,18}")) {
            throw new InvalidFieldException("since", "must be a version this service served: digits only");
        }
        return Long.parseLong(since);
    }

    record PublicKeyAnswer(String keyId, String algorithm, String format, String publicKey) {}
}
