package io.badgeflow.admin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.door.SwipeEntry;
import io.badgeflow.model.paging.Page;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** The polled live view: every building's occupancy, the latest events across buildings, and the alarms. */
class LiveApiTests extends ApiSliceTestSupport {

    @Test
    void answersOccupancyLatestEventsNewestFirstAndAlarms() throws Exception {
        var now = Instant.now();
        when(directory.buildings(any()))
                .thenReturn(new Page<>(List.of(Examples.building("HQ"), Examples.building("LAB")), null));
        when(presence.occupancy("HQ")).thenReturn(3L);
        when(presence.occupancy("LAB")).thenReturn(1L);
        when(swipes.latest(eq("HQ"), any(), any(), anyInt()))
                .thenReturn(List.of(
                        event("evt-2", "HQ", now.minusSeconds(5), List.of(), null),
                        event("evt-1", "HQ", now.minusSeconds(50), List.of("REVOKED_CARD_USED"), null)));
        when(swipes.latest(eq("LAB"), any(), any(), anyInt()))
                .thenReturn(List.of(event("evt-3", "LAB", now.minusSeconds(20), List.of(), "FORCED")));
        when(directory.employees(anyList())).thenReturn(List.of(Examples.employee("emp-1")));

        var body = mvc.perform(get("/api/v1/live").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buildings[0].buildingId").value("HQ"))
                .andExpect(jsonPath("$.buildings[0].inside").value(3))
                .andExpect(jsonPath("$.buildings[1].inside").value(1))
                .andExpect(jsonPath("$.events[*].eventId")
                        .value(org.hamcrest.Matchers.contains("evt-2", "evt-3", "evt-1")))
                .andExpect(jsonPath("$.events[0].familyName").value("Lovelace"))
                .andExpect(jsonPath("$.alarms[*].eventId").value(org.hamcrest.Matchers.contains("evt-3", "evt-1")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        var answer = JsonMapper.shared().readTree(body);
        var since = Instant.parse(answer.get("since").asString());
        var asOf = Instant.parse(answer.get("asOf").asString());
        assertThat(since).isEqualTo(asOf.minus(LiveController.WINDOW));

        var next = answer.get("next").asString();
        var again = JsonMapper.shared()
                .readTree(mvc.perform(get("/api/v1/live?after=" + next).with(admin()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(Instant.parse(again.get("since").asString()))
                .as("a poll reads again a little before the mark")
                .isEqualTo(LiveController.decode(next).minus(LiveController.OVERLAP));
    }

    @Test
    void showsEachDoorsOfflineListVersionAndItsAge() throws Exception {
        var confirmed = Instant.now().minusSeconds(90);
        when(directory.buildings(any())).thenReturn(new Page<>(List.of(Examples.building("HQ")), null));
        when(directory.doorsOf("HQ"))
                .thenReturn(List.of(
                        new io.badgeflow.model.door.Door(
                                "door-1", "HQ", new io.badgeflow.model.door.DeviceKeyHash("ab".repeat(32))),
                        new io.badgeflow.model.door.Door(
                                "door-2", "HQ", new io.badgeflow.model.door.DeviceKeyHash("cd".repeat(32)))));
        when(doorLists.of(List.of("door-1", "door-2")))
                .thenReturn(List.of(
                        new io.badgeflow.model.offline.DoorListStatus("door-1", 1765104000123L, confirmed, confirmed),
                        new io.badgeflow.model.offline.DoorListStatus("door-2", 0, null, null)));

        mvc.perform(get("/api/v1/live").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.doorLists[0].doorId").value("door-1"))
                .andExpect(jsonPath("$.doorLists[0].version").value(1765104000123L))
                .andExpect(jsonPath("$.doorLists[0].ageSeconds").value(org.hamcrest.Matchers.greaterThanOrEqualTo(90)))
                .andExpect(jsonPath("$.doorLists[1].doorId").value("door-2"))
                .andExpect(jsonPath("$.doorLists[1].version").doesNotExist())
                .andExpect(jsonPath("$.doorLists[1].ageSeconds").doesNotExist());
    }

    @Test
    void refusesAMarkItDidNotIssue() throws Exception {
        mvc.perform(get("/api/v1/live?after=not-a-mark").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.after").exists());
    }

    @Test
    void keepsTheLiveViewFromAuditors() throws Exception {
        mvc.perform(get("/api/v1/live").with(auditor())).andExpect(status().isForbidden());
    }

    private static SwipeEntry event(
            String eventId, String buildingId, Instant at, List<String> alarms, String doorState) {
        return new SwipeEntry(
                eventId,
                doorState == null ? "EntryDecided" : "DoorStateChanged",
                "door-1",
                buildingId,
                doorState == null ? "emp-1" : null,
                null,
                null,
                null,
                "IN",
                doorState == null ? "GRANTED" : null,
                doorState == null ? "GRANTED" : null,
                null,
                null,
                doorState,
                alarms,
                at,
                at);
    }
}
