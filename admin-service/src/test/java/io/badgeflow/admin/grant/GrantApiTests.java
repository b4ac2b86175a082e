package io.badgeflow.admin.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.RevokeAccess;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The HTTP contract of grants: granted under the employee, revoked with DELETE, listed under the building. */
class GrantApiTests extends ApiSliceTestSupport {

    @Test
    void grantsAccessOnASchedule() throws Exception {
        var result = mvc.perform(post("/api/v1/employees/emp-1/grants")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"buildingId":"HQ","schedule":{"days":["MONDAY","TUESDAY"],"from":"07:00","until":"19:00"},
                         "validUntil":"2025-12-31"}""")
                        .with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.employeeId").value("emp-1"))
                .andExpect(jsonPath("$.buildingId").value("HQ"))
                .andReturn();

        var command = writtenOnce(GrantAccess.class);
        assertThat(command.schedule().days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY);
        assertThat(command.schedule().from()).isEqualTo(LocalTime.of(7, 0));
        assertThat(command.validUntil()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/commands/" + command.commandId());
    }

    @Test
    void grantsAccessAtAnyHourWithoutASchedule() throws Exception {
        mvc.perform(post("/api/v1/employees/emp-1/grants")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buildingId\":\"HQ\"}")
                        .with(admin()))
                .andExpect(status().isAccepted());

        assertThat(writtenOnce(GrantAccess.class).schedule()).isNull();
    }

    @Test
    void namesEveryInvalidFieldOfTheScheduleToo() throws Exception {
        mvc.perform(post("/api/v1/employees/emp-1/grants")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buildingId\":\"\",\"schedule\":{\"days\":[],\"from\":\"07:00\"}}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.buildingId").exists())
                .andExpect(jsonPath("$.errors['schedule.days']").exists())
                .andExpect(jsonPath("$.errors['schedule.until']").exists());

        assertThat(written()).isEmpty();
    }

    @Test
    void refusesAnUnknownDayNamingIt() throws Exception {
        mvc.perform(post("/api/v1/employees/emp-1/grants")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"buildingId\":\"HQ\",\"schedule\":{\"days\":[\"FUNDAY\"],\"from\":\"07:00\",\"until\":\"08:00\"}}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['schedule.days[0]']").exists());
    }

    @Test
    void revokesAGrantWithDelete() throws Exception {
        mvc.perform(delete("/api/v1/employees/emp-1/grants/HQ").with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"));

        var command = writtenOnce(RevokeAccess.class);
        assertThat(command.employeeId()).isEqualTo("emp-1");
        assertThat(command.buildingId()).isEqualTo("HQ");
    }

    @Test
    void listsTheGrantsOfABuilding() throws Exception {
        when(directory.building("HQ")).thenReturn(Optional.of(Examples.building("HQ")));
        when(directory.grantsFor("HQ", new PageRequest(20, null)))
                .thenReturn(new Page<>(List.of(Examples.grant("emp-1", "HQ")), null));

        mvc.perform(get("/api/v1/buildings/HQ/grants").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].employeeId").value("emp-1"));
    }
}
