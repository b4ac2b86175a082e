package io.badgeflow.admin.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
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

    @Test
    void namesTheEmployeesAndTheAdminsWhoGrantedInOneBatchReadForThePage() throws Exception {
        when(directory.building("HQ")).thenReturn(Optional.of(Examples.building("HQ")));
        var grants = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> Examples.grant("emp-" + i, "HQ"))
                .toList();
        when(directory.grantsFor("HQ", new PageRequest(100, null))).thenReturn(new Page<>(grants, null));
        when(directory.employees(anyList())).thenReturn(List.of(Examples.employee("emp-7")));
        when(staff.displayNames(anyCollection())).thenReturn(Map.of("sub-admin-1", "Grace Hopper"));

        mvc.perform(get("/api/v1/buildings/HQ/grants?size=100").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[7].employeeId").value("emp-7"))
                .andExpect(jsonPath("$.items[7].employeeNumber").value("E-emp-7"))
                .andExpect(jsonPath("$.items[7].givenName").value("Ada"))
                .andExpect(jsonPath("$.items[7].familyName").value("Lovelace"))
                .andExpect(jsonPath("$.items[7].grantedBy").value("sub-admin-1"))
                .andExpect(jsonPath("$.items[7].grantedByName").value("Grace Hopper"))
                // an employee no longer on record keeps the id and has no name
                .andExpect(jsonPath("$.items[8].employeeNumber").doesNotExist())
                .andExpect(jsonPath("$.items[8].grantedByName").value("Grace Hopper"));

        // one read for the page's hundred employees, one lookup of the one distinct admin
        var ids = ArgumentCaptor.<List<String>>captor();
        verify(directory, times(1)).employees(ids.capture());
        assertThat(ids.getValue()).hasSize(100).doesNotHaveDuplicates();
        var subjects = ArgumentCaptor.<java.util.Collection<String>>captor();
        verify(staff, times(1)).displayNames(subjects.capture());
        assertThat(subjects.getValue()).containsExactly("sub-admin-1");
    }
}
