package io.badgeflow.accessstream.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.accessstream.decision.BackOffice;
import io.badgeflow.aws.dynamodb.DynamoDbDoorListStatuses;
import io.badgeflow.model.alarm.AlarmLedger;
import io.badgeflow.model.alarm.AlarmPublisher;
import io.badgeflow.model.command.RevokeCard;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DoorRegistry;
import io.badgeflow.model.offline.AllowListEntry;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A door's allow-list through the real door API, signed by the emulator's KMS and verified here with the JDK
 * alone (the public key, no AWS): what it lists, that a changed byte fails verification, and that a revocation
 * through the back office reaches the door as a delta.
 */
class AllowListIntegrationTests extends RunningApplication {

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    DoorListReports reports;

    @Autowired
    DoorRegistry doorRegistry;

    @Autowired
    AlarmLedger alarmLedger;

    @Autowired
    AlarmPublisher alarmPublisher;

    private BackOffice backOffice;
    private BackOffice.Site site;

    @BeforeEach
    void site() {
        backOffice = new BackOffice(enhanced, aws);
        site = backOffice.site(null, 0);
    }

    @Test
    void servesTheDoorsListSignedSoThatTheJdkVerifiesItWithThePublicKeyAlone() throws Exception {
        var fetched = fetch(site.doorA(), site.keyA(), null);

        assertThat(fetched.status()).isEqualTo(HttpStatus.OK);
        assertThat(fetched.header("X-Allow-List-Signature-Algorithm")).isEqualTo("ECDSA_SHA_256");
        assertThat(fetched.header("X-Allow-List-Key-Id")).isEqualTo(aws.output("AllowListSigningKeyArn"));
        assertThat(verifies(fetched.body(), fetched.signature())).isTrue();
        var list = fetched.json();
        assertThat(list.get("format").asString()).isEqualTo("badgeflow.allow-list/1");
        assertThat(list.get("kind").asString()).isEqualTo("FULL");
        assertThat(list.get("doorId").asString()).isEqualTo(site.doorA());
        assertThat(list.get("buildingId").asString()).isEqualTo(site.buildingId());
        assertThat(list.get("timeZone").asString()).isEqualTo("UTC");
        assertThat(list.get("antiPassback").asString()).isEqualTo("NOT_APPLIED_OFFLINE");
        assertThat(list.get("version").asLong()).isPositive();
        var entry = list.get("entries").get(0);
        assertThat(list.get("entries").size()).isEqualTo(1);
        assertThat(entry.get("cardKey").asString()).isEqualTo(AllowListEntry.cardKey(site.doorA(), site.cardNumber()));
        assertThat(entry.get("cardId").asString()).isEqualTo(site.cardId());
        assertThat(entry.get("employeeId").asString()).isEqualTo(site.employeeId());
        assertThat(entry.get("schedule").get("from").asString()).isEqualTo("00:00");
        assertThat(new String(fetched.body())).doesNotContain(site.cardNumber());
    }

    @Test
    void aChangedByteOrAnotherDocumentsSignatureFailsVerification() throws Exception {
        var fetched = fetch(site.doorA(), site.keyA(), null);
        var other = fetch(site.doorB(), site.keyB(), null);
        var tampered = fetched.body().clone();
        var at = new String(tampered).indexOf("\"employeeId\":\"") + 15;
        tampered[at] = (byte) (tampered[at] == 'x' ? 'y' : 'x');

        assertThat(verifies(fetched.body(), fetched.signature())).isTrue();
        assertThat(verifies(tampered, fetched.signature())).isFalse();
        assertThat(verifies(fetched.body(), other.signature())).isFalse();
    }

    @Test
    void sendsARevocationThroughTheBackOfficeAsADeltaThatRemovesTheCard() throws Exception {
        var held = fetch(site.doorA(), site.keyA(), null).json().get("version").asLong();
        assertThat(fetch(site.doorA(), site.keyA(), held).json().get("entries").size())
                .as("nothing changed yet")
                .isZero();

        backOffice.apply(new RevokeCard(BackOffice.id(), "it", Instant.now(), site.cardId()));

        var delta = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> fetch(site.doorA(), site.keyA(), held),
                        answer -> answer.json().get("version").asLong() > held);
        assertThat(verifies(delta.body(), delta.signature())).isTrue();
        assertThat(delta.json().get("kind").asString()).isEqualTo("DELTA");
        assertThat(delta.json().get("since").asLong()).isEqualTo(held);
        assertThat(delta.json().get("entries").size()).isZero();
        assertThat(delta.json().get("removed").get(0).asString())
                .isEqualTo(AllowListEntry.cardKey(site.doorA(), site.cardNumber()));
        var full = fetch(site.doorA(), site.keyA(), null).json();
        assertThat(full.get("entries").size()).isZero();
        assertThat(full.get("version").asLong())
                .isEqualTo(delta.json().get("version").asLong());
    }

    @Test
    void answersTheFullListForAVersionItDoesNotKnowAndRefusesBadVersionsAndKeys() {
        var unknown = fetch(site.doorA(), site.keyA(), 12L);
        var malformed = get(site.doorA(), site.keyA().reveal(), "?since=-1");
        var otherDoorsKey = get(site.doorA(), site.keyB().reveal(), "");
        var noKey = get(site.doorA(), null, "");

        assertThat(unknown.json().get("kind").asString()).isEqualTo("FULL");
        assertThat(malformed.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(malformed.json().get("field").asString()).isEqualTo("since");
        assertThat(otherDoorsKey.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(noKey.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void recordsOnTheDoorsRowTheVersionItReportsAndWhenItsListWasLastConfirmed() {
        var version =
                fetch(site.doorA(), site.keyA(), null).json().get("version").asLong();
        var decided = http().post()
                .uri("/door-api/v1/doors/{doorId}/decisions", site.doorA())
                .header("X-Door-Key", site.keyA().reveal())
                .header("X-Allow-List-Version", Long.toString(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"eventId": "%s", "cardNumber": "%s", "direction": "OUT", "occurredAt": "%s"}""".formatted(BackOffice.id(), site.cardNumber(), Instant.now()))
                .retrieve()
                .toBodilessEntity();
        var forged = get(site.doorA(), "wrong-key", "");

        reports.flush();

        assertThat(decided.getStatusCode().value()).isEqualTo(200);
        assertThat(forged.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var row = dynamoDb.getItem(r -> r.tableName(aws.output("DoorsTableName"))
                        .consistentRead(true)
                        .key(java.util.Map.of(
                                "doorId",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(site.doorA()))))
                .item();
        assertThat(row.get("allowListVersion").n()).isEqualTo(Long.toString(version));
        assertThat(Instant.ofEpochMilli(
                        Long.parseLong(row.get("allowListConfirmedAt").n())))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(Long.parseLong(row.get("allowListReportedAt").n()))
                .isGreaterThanOrEqualTo(
                        Long.parseLong(row.get("allowListConfirmedAt").n()));
        var read = new DynamoDbDoorListStatuses(dynamoDb, aws.output("DoorsTableName"))
                .of(List.of(site.doorA(), "no-such-door-" + BackOffice.id()));
        assertThat(read.get(0).heldVersion()).isEqualTo(version);
        assertThat(read.get(0).confirmedAt()).isNotNull();
        assertThat(read.get(1).heldVersion()).isZero();
        assertThat(read.get(1).confirmedAt()).isNull();
    }

    @Test
    void raisesAllowListStaleOnceThroughTheRealLedgerAndTopicWhenADoorsListIsNotConfirmedInTime() {
        var clock = new MutableClock(Instant.now());
        var watch = new DoorListReports(
                new DynamoDbDoorListStatuses(dynamoDb, aws.output("DoorsTableName")),
                doorRegistry,
                alarmLedger,
                alarmPublisher,
                clock,
                new OfflineProperties(null, null, 0, 0, Duration.ofMinutes(5), null, null, false));
        watch.confirmed(site.doorB(), 42);
        watch.flush();

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        var raised = watch.checkStaleness();
        var again = watch.checkStaleness();

        assertThat(raised).singleElement().satisfies(alarm -> {
            assertThat(alarm.type()).isEqualTo(AlarmType.ALLOW_LIST_STALE);
            assertThat(alarm.doorId()).isEqualTo(site.doorB());
            assertThat(alarm.buildingId()).isEqualTo(site.buildingId());
            assertThat(alarmLedger.published(alarm.alarmId())).isTrue();
        });
        assertThat(again).isEmpty();
    }

    /** A clock a test moves. */
    static final class MutableClock extends java.time.Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private boolean verifies(byte[] body, byte[] signature) throws Exception {
        var verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey());
        verifier.update(body);
        return verifier.verify(signature);
    }

    private PublicKey publicKey() throws Exception {
        var answer = get(site.doorA(), site.keyA().reveal(), "/public-key");
        assertThat(answer.status()).isEqualTo(HttpStatus.OK);
        var der = Base64.getDecoder().decode(answer.json().get("publicKey").asString());
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    }

    private Fetched fetch(String doorId, DeviceKey key, Long since) {
        return get(doorId, key.reveal(), since == null ? "" : "?since=" + since);
    }

    private Fetched get(String doorId, String key, String tail) {
        return http().get()
                .uri("/door-api/v1/doors/" + doorId + "/allow-list" + tail)
                .headers(headers -> {
                    if (key != null) {
                        headers.set("X-Door-Key", key);
                    }
                })
                .exchange((request, response) -> new Fetched(
                        HttpStatus.valueOf(response.getStatusCode().value()),
                        response.getHeaders().getContentType(),
                        response.getHeaders(),
                        response.getBody().readAllBytes()));
    }

    record Fetched(HttpStatus status, MediaType contentType, HttpHeaders headers, byte[] body) {
        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        String header(String name) {
            return headers.getFirst(name);
        }

        byte[] signature() {
            return Base64.getDecoder()
                    .decode(List.of(header("X-Allow-List-Signature")).getFirst());
        }
    }
}
