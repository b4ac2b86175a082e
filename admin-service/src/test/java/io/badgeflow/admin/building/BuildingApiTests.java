package io.badgeflow.admin.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.command.RegisterBuilding;
import io.badgeflow.model.command.SetAntiPassback;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import io.badgeflow.model.presence.AntiPassback;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The HTTP contract of buildings: registered under their code, listed, shown with their doors, anti-passback set. */
class BuildingApiTests extends ApiSliceTestSupport {

    @Test
    void registersABuildingUnderItsCode() throws Exception {
        var result = mvc.perform(post("/api/v1/buildings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buildingId\":\"HQ-LON\",\"name\":\"London HQ\",\"timeZone\":\"Europe/London\"}")
                        .with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.buildingId").value("HQ-LON"))
                .andReturn();

        var command = writtenOnce(RegisterBuilding.class);
        assertThat(command.timeZone()).isEqualTo("Europe/London");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/commands/" + command.commandId());
    }

    @Test
    void namesEveryInvalidField() throws Exception {
        mvc.perform(post("/api/v1/buildings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buildingId\":\"HQ LON\",\"name\":\"\",\"timeZone\":\"\"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.buildingId").exists())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.timeZone").exists());

        assertThat(written()).isEmpty();
    }

    @Test
    void refusesATimeZoneThatIsNotOne() throws Exception {
        mvc.perform(post("/api/v1/buildings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buildingId\":\"HQ\",\"name\":\"HQ\",\"timeZone\":\"Mars/Olympus\"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.timeZone").exists());
    }

    @Test
    void setsTheAntiPassbackModeOfABuilding() throws Exception {
        var result = mvc.perform(put("/api/v1/buildings/HQ-LON/anti-passback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"TIMED\",\"minutes\":15}")
                        .with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.buildingId").value("HQ-LON"))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn();

        var command = writtenOnce(SetAntiPassback.class);
        assertThat(command.buildingId()).isEqualTo("HQ-LON");
        assertThat(command.antiPassback()).isEqualTo(AntiPassback.timed(15));
        assertThat(command.actor()).isEqualTo(ADMIN_SUBJECT);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/commands/" + command.commandId());
    }

    @Test
    void setsAModeWithoutMinutes() throws Exception {
        mvc.perform(put("/api/v1/buildings/HQ/anti-passback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"SOFT\"}")
                        .with(admin()))
                .andExpect(status().isAccepted());

        assertThat(writtenOnce(SetAntiPassback.class).antiPassback()).isEqualTo(AntiPassback.soft());
    }

    @Test
    void refusesAnUnknownModeOrMinutesThatDoNotFitTheMode() throws Exception {
        for (var body : new String[] {"{\"mode\":\"STRICT\"}", "{}", "{\"mode\":null}"}) {
            mvc.perform(put("/api/v1/buildings/HQ/anti-passback")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body)
                            .with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.mode").exists());
        }
        for (var body : new String[] {
            "{\"mode\":\"TIMED\"}",
            "{\"mode\":\"TIMED\",\"minutes\":0}",
            "{\"mode\":\"TIMED\",\"minutes\":1441}",
            "{\"mode\":\"HARD\",\"minutes\":5}",
            "{\"mode\":\"TIMED\",\"minutes\":\"soon\"}"
        }) {
            mvc.perform(put("/api/v1/buildings/HQ/anti-passback")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body)
                            .with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.minutes").exists());
        }
        mvc.perform(put("/api/v1/buildings/HQ LON/anti-passback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"OFF\"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.buildingId").exists());

        assertThat(written()).isEmpty();
    }

    @Test
    void leavesSettingAntiPassbackToAdmins() throws Exception {
        mvc.perform(put("/api/v1/buildings/HQ/anti-passback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"OFF\"}")
                        .with(operator()))
                .andExpect(status().isForbidden());

        assertThat(written()).isEmpty();
    }

    @Test
    void showsTheAntiPassbackModeWithMinutesOnlyForTimed() throws Exception {
        when(directory.building("HQ"))
                .thenReturn(Optional.of(new Building(
                        "HQ",
                        "Head office",
                        ZoneId.of("Europe/London"),
                        AntiPassback.timed(15),
                        Instant.parse("2026-11-24T08:00:00Z"),
                        2)));
        when(directory.buildings(new PageRequest(20, null)))
                .thenReturn(new Page<>(List.of(Examples.building("B2")), null));

        mvc.perform(get("/api/v1/buildings/HQ").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.building.antiPassback.mode").value("TIMED"))
                .andExpect(jsonPath("$.building.antiPassback.minutes").value(15));
        mvc.perform(get("/api/v1/buildings").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].antiPassback.mode").value("HARD"))
                .andExpect(jsonPath("$.items[0].antiPassback.minutes").doesNotExist());
    }

    @Test
    void listsBuildings() throws Exception {
        when(directory.buildings(new PageRequest(20, null)))
                .thenReturn(new Page<>(List.of(Examples.building("HQ")), "next-1"));

        mvc.perform(get("/api/v1/buildings").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].timeZone").value("Europe/London"))
                .andExpect(jsonPath("$.next").value("next-1"));
    }

    @Test
    void showsABuildingWithItsDoorsButNoKeyHash() throws Exception {
        when(directory.building("HQ")).thenReturn(Optional.of(Examples.building("HQ")));
        when(directory.doorsOf("HQ")).thenReturn(List.of(Examples.door("door-1", "HQ")));

        var body = mvc.perform(get("/api/v1/buildings/HQ").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.building.name").value("Head office"))
                .andExpect(jsonPath("$.doors[0].doorId").value("door-1"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain("keyHash").doesNotContain("sha256");
    }

    @Test
    void answersAnUnknownBuildingWithNotFoundProblem() throws Exception {
        when(directory.building(any())).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/buildings/NOPE").with(auditor()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/buildings/NOPE/grants").with(auditor()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
