package io.badgeflow.admin.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.archive.ArchivedObject;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP contract of "who was inside building B at T", rebuilt from archived passages. */
class InsideAtApiTests extends ApiSliceTestSupport {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    /** What the archive holds; a read hands over the events in its range, like the S3 adapter. */
    private final List<DoorEvent> archived = new ArrayList<>();

    private final List<Instant> askedRanges = new ArrayList<>();

    @BeforeEach
    void archiveAnswersFromTheList() {
        doAnswer(call -> {
                    Instant from = call.getArgument(0);
                    Instant to = call.getArgument(1);
                    askedRanges.add(from);
                    askedRanges.add(to);
                    Consumer<ArchivedObject> visitor = call.getArgument(2);
                    visitor.accept(new ArchivedObject(
                            "events/x",
                            archived.stream()
                                    .filter(e -> !e.occurredAt().isBefore(from)
                                            && e.occurredAt().isBefore(to))
                                    .toList()));
                    return null;
                })
                .when(archive)
                .read(any(), any(), any());
        when(directory.building("HQ")).thenReturn(Optional.of(Examples.building("HQ")));
        when(directory.employee("emp-1")).thenReturn(Optional.of(Examples.employee("emp-1")));
        when(directory.employee("emp-gone")).thenReturn(Optional.empty());
    }

    @Test
    void listsWhoWasInsideWithNamesFromTheEmployeesTable() throws Exception {
        archived.addAll(List.of(
                entry("e1", "emp-1", NINE),
                entry("e2", "emp-2", NINE.plusSeconds(10)),
                exit("x2", "emp-2", NINE.plusSeconds(20)),
                entry("e3", "emp-gone", NINE.plusSeconds(30)),
                entry("e4", "emp-late", NINE.plusSeconds(7200))));

        mvc.perform(get("/api/v1/buildings/HQ/inside-at")
                        .param("at", "2026-12-01T10:00:00Z")
                        .with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buildingId").value("HQ"))
                .andExpect(jsonPath("$.at").value("2026-12-01T10:00:00Z"))
                .andExpect(jsonPath("$.lookBackFrom").value("2026-11-30T10:00:00Z"))
                .andExpect(jsonPath("$.eventsRead").value(4))
                .andExpect(jsonPath("$.people.length()").value(2))
                .andExpect(jsonPath("$.people[0].employeeId").value("emp-1"))
                .andExpect(jsonPath("$.people[0].employeeNumber").value("E-emp-1"))
                .andExpect(jsonPath("$.people[0].name").value("Ada Lovelace"))
                .andExpect(jsonPath("$.people[0].since").value("2026-12-01T09:00:00Z"))
                .andExpect(jsonPath("$.people[0].lastDoorId").value("door-a"))
                .andExpect(jsonPath("$.people[1].employeeId").value("emp-gone"))
                .andExpect(jsonPath("$.people[1].name").doesNotExist());

        assertThat(askedRanges)
                .containsExactly(
                        Instant.parse("2026-11-30T10:00:00Z"),
                        Instant.parse("2026-12-01T10:00:00Z").plusNanos(1));
    }

    @Test
    void readsAnyRfc3339OffsetIncludingThoseBeyondEighteenHours() throws Exception {
        // RFC 3339 allows offsets to 23:59; java.time's own parser stops at 18:00 (schemathesis found the 400).
        mvc.perform(get("/api/v1/buildings/HQ/inside-at")
                        .param("at", "2026-12-01t10:00:00.5-21:32")
                        .with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.at").value("2026-12-02T07:32:00.500Z"));
    }

    @Test
    void refusesAMomentThatIsNotAnInstantOrLiesInTheFuture() throws Exception {
        mvc.perform(get("/api/v1/buildings/HQ/inside-at")
                        .param("at", "yesterday")
                        .with(auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.at").exists());
        mvc.perform(get("/api/v1/buildings/HQ/inside-at")
                        .param("at", Instant.now().plus(Duration.ofDays(1)).toString())
                        .with(auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.at").exists());

        assertThat(askedRanges).isEmpty();
    }

    @Test
    void answersAnUnknownBuildingWith404() throws Exception {
        when(directory.building(eq("NOPE"))).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/buildings/NOPE/inside-at")
                        .param("at", "2026-12-01T10:00:00Z")
                        .with(admin()))
                .andExpect(status().isNotFound());

        assertThat(askedRanges).isEmpty();
    }

    @Test
    void isNotForOperators() throws Exception {
        mvc.perform(get("/api/v1/buildings/HQ/inside-at")
                        .param("at", "2026-12-01T10:00:00Z")
                        .with(operator()))
                .andExpect(status().isForbidden());
    }

    private static EntryDecided entry(String eventId, String employee, Instant at) {
        return new EntryDecided(
                eventId,
                "door-a",
                "HQ",
                "card-" + employee,
                Direction.IN,
                "card-" + employee,
                CardStatus.ACTIVE,
                employee,
                Outcome.GRANTED,
                DecisionReason.GRANTED,
                "all-rules-passed",
                "2026-11-24.1",
                List.of(),
                at,
                at);
    }

    private static ExitRecorded exit(String eventId, String employee, Instant at) {
        return new ExitRecorded(
                eventId, "door-b", "HQ", "card-" + employee, "card-" + employee, employee, List.of(), at, at);
    }
}
