package io.badgeflow.admin.dashboard;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.admin.dashboard.BuildingActivity.LagPoint;
import io.badgeflow.model.door.SwipeEntry;
import io.badgeflow.model.paging.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The HTTP contract of the dashboard's activity series. */
class ActivityApiTests extends ApiSliceTestSupport {

    @Test
    void answersTodaysSeriesInTheBuildingsZoneWithTheLagWhenAvailable() throws Exception {
        when(directory.building("HQ")).thenReturn(Optional.of(Examples.building("HQ")));
        when(presence.occupancy("HQ")).thenReturn(2L);
        var now = Instant.now();
        when(swipes.find(any(), any()))
                .thenReturn(new Page<>(
                        List.of(new SwipeEntry(
                                "evt-1",
                                "EntryDecided",
                                "door-1",
                                "HQ",
                                "emp-1",
                                "C-1",
                                "card-1",
                                "REVOKED",
                                "IN",
                                "DENIED",
                                "CARD_NOT_ACTIVE",
                                "card-active",
                                "v1",
                                null,
                                List.of(),
                                now.minusSeconds(5),
                                now.minusSeconds(5))),
                        null));
        when(consumerLag.perMinute(any(), any())).thenReturn(Optional.of(List.of(new LagPoint(now, 1500))));

        mvc.perform(get("/api/v1/buildings/HQ/activity").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").value("Europe/London"))
                .andExpect(jsonPath("$.insideNow").value(2))
                .andExpect(jsonPath("$.occupancy[-1:].inside").value(2))
                .andExpect(jsonPath("$.decisionsPerMinute.length()").value(60))
                .andExpect(jsonPath("$.denialsByReason[0].reason").value("CARD_NOT_ACTIVE"))
                .andExpect(jsonPath("$.denialsByReason[0].count").value(1))
                .andExpect(jsonPath("$.consumerLag[0].millis").value(1500.0))
                .andExpect(jsonPath("$.truncated").value(false));
    }

    @Test
    void saysTheLagIsNotAvailableWhenCloudWatchIsNot() throws Exception {
        when(directory.building("HQ")).thenReturn(Optional.of(Examples.building("HQ")));
        when(swipes.find(any(), any())).thenReturn(new Page<>(List.of(), null));

        mvc.perform(get("/api/v1/buildings/HQ/activity").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consumerLag").doesNotExist());
    }

    @Test
    void answersAnUnknownBuildingWith404AndKeepsItFromAuditors() throws Exception {
        mvc.perform(get("/api/v1/buildings/NOPE/activity").with(operator()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/buildings/HQ/activity").with(auditor())).andExpect(status().isForbidden());
    }
}
