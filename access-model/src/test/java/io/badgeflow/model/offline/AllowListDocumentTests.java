package io.badgeflow.model.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.grant.Grants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowListDocumentTests {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aDeltaAppliedToTheListItStartsFromGivesTheNewerList() {
        var older = list(10, entry("A", null), entry("B", null), entry("C", null));
        var newer = list(12, entry("A", null), entry("C", LocalDate.of(2027, 1, 1)), entry("D", null));

        var delta = AllowListDocument.delta(older, newer);

        assertThat(delta.kind()).isEqualTo(AllowListDocument.Kind.DELTA);
        assertThat(delta.since()).isEqualTo(10);
        assertThat(delta.removed()).containsExactly(key("B"));
        assertThat(delta.entries()).extracting(AllowListEntry::cardKey).containsExactlyInAnyOrder(key("C"), key("D"));
        assertThat(delta.applyTo("door-1", older)).isEqualTo(newer);
        assertThat(AllowListDocument.full(newer).applyTo("door-1", null)).isEqualTo(newer);
        assertThat(delta.antiPassback()).isEqualTo("NOT_APPLIED_OFFLINE");
    }

    @Test
    void refusesAnOlderListADeltaFromAnotherVersionAndAnotherDoorsList() {
        var held = list(12, entry("A", null));

        assertThatThrownBy(() -> AllowListDocument.full(list(11)).applyTo("door-1", held))
                .hasMessageContaining("older");
        assertThatThrownBy(() -> AllowListDocument.delta(list(10), list(13)).applyTo("door-1", held))
                .hasMessageContaining("does not apply");
        assertThatThrownBy(() -> AllowListDocument.full(list(13)).applyTo("door-2", held))
                .hasMessageContaining("door-1");
    }

    @Test
    void orderEntriesByCardKeySoOneContentHasOneForm() {
        var one = list(1, entry("A", null), entry("B", null));
        var other = list(1, entry("B", null), entry("A", null));

        assertThat(one).isEqualTo(other);
        assertThat(one.sameContentAs(other.asVersion(5, T.plusSeconds(1)))).isTrue();
        assertThat(one.entryFor("B")).map(AllowListEntry::cardId).hasValue("card-B");
        assertThat(one.entryFor("Z")).isEmpty();
    }

    private static AllowList list(long version, AllowListEntry... entries) {
        return new AllowList(
                "door-1", "HQ", ZoneId.of("Europe/Zurich"), DoorCapability.BOTH, version, T, "p1", List.of(entries));
    }

    private static AllowListEntry entry(String number, LocalDate until) {
        return new AllowListEntry(
                key(number), "card-" + number, "emp-" + number, null, null, null, until, Grants.OFFICE_HOURS);
    }

    private static String key(String number) {
        return AllowListEntry.cardKey("door-1", number);
    }
}
