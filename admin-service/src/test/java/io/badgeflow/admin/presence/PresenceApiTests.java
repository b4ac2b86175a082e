package io.badgeflow.admin.presence;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.presence.Presence;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The HTTP contract of occupancy and the muster list. */
class PresenceApiTests extends ApiSliceTestSupport {

    @Test
    void answersHowManyAreInside() throws Exception {
        when(directory.building("HQ")).thenReturn(Optional.of(Examples.building("HQ")));
        when(presence.occupancy("HQ")).thenReturn(42L);

        mvc.perform(get("/api/v1/buildings/HQ/occupancy").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buildingId").value("HQ"))
                .andExpect(jsonPath("$.inside").value(42))
                .andExpect(jsonPath("$.asOf").exists());
    }

    @Test
    void listsEveryoneInsideByNameWithTheirLastDoorAndSince() throws Exception {
        when(directory.building("HQ")).thenReturn(Optional.of(Examples.building("HQ")));
        when(presence.inside("HQ"))
                .thenReturn(List.of(
                        new Presence("emp-2", "HQ", true, "door-1", Examples.AT, "evt-2", 1),
                        new Presence("emp-1", "HQ", true, "door-1", Examples.AT.plusSeconds(60), "evt-1", 3),
                        new Presence("emp-gone", "HQ", true, "door-9", Examples.AT, "evt-3", 1)));
        when(directory.employees(anyList()))
                .thenReturn(List.of(named("emp-1", "Grace", "Hopper"), named("emp-2", "Ada", "Lovelace")));
        when(directory.door("door-1")).thenReturn(Optional.of(Examples.door("door-1", "HQ")));

        mvc.perform(get("/api/v1/buildings/HQ/muster").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buildingName").value("Head office"))
                .andExpect(jsonPath("$.inside").value(3))
                .andExpect(jsonPath("$.people[0].familyName").value("Hopper"))
                .andExpect(jsonPath("$.people[0].lastDoorName").value("Main entrance"))
                .andExpect(jsonPath("$.people[0].since").value("2025-03-01T09:01:00Z"))
                .andExpect(jsonPath("$.people[1].familyName").value("Lovelace"))
                .andExpect(jsonPath("$.people[2].employeeId").value("emp-gone"))
                .andExpect(jsonPath("$.people[2].familyName").doesNotExist())
                .andExpect(jsonPath("$.people[2].lastDoorId").value("door-9"));
    }

    @Test
    void ordersTheMusterListNaturallyPerson2BeforePerson10() throws Exception {
        when(directory.building("HQ")).thenReturn(Optional.of(Examples.building("HQ")));
        when(presence.inside("HQ"))
                .thenReturn(List.of(
                        new Presence("emp-10", "HQ", true, "door-1", Examples.AT, "evt-1", 1),
                        new Presence("emp-2", "HQ", true, "door-1", Examples.AT, "evt-2", 1),
                        new Presence("emp-100", "HQ", true, "door-1", Examples.AT, "evt-3", 1)));
        when(directory.employees(anyList()))
                .thenReturn(List.of(
                        named("emp-10", "10", "Person"),
                        named("emp-2", "2", "Person"),
                        named("emp-100", "100", "person")));

        mvc.perform(get("/api/v1/buildings/HQ/muster").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people[0].employeeId").value("emp-2"))
                .andExpect(jsonPath("$.people[1].employeeId").value("emp-10"))
                .andExpect(jsonPath("$.people[2].employeeId").value("emp-100"));
    }

    @Test
    void answersAnUnknownBuildingWith404() throws Exception {
        mvc.perform(get("/api/v1/buildings/NOPE/muster").with(operator()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesABuildingIdTheModelWouldNotAccept() throws Exception {
        mvc.perform(get("/api/v1/buildings/{id}/occupancy", "no spaces").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.buildingId").exists());
    }

    @Test
    void keepsTheMusterListFromAuditors() throws Exception {
        mvc.perform(get("/api/v1/buildings/HQ/muster").with(auditor())).andExpect(status().isForbidden());
    }

    static Employee named(String employeeId, String givenName, String familyName) {
        var e = Examples.employee(employeeId);
        return new Employee(
                e.employeeId(),
                e.employeeNumber(),
                givenName,
                familyName,
                e.email(),
                e.department(),
                e.status(),
                e.currentCardId(),
                e.cardIds(),
                e.registeredAt(),
                e.registeredBy(),
                e.updatedAt(),
                e.version(),
                Affiliation.EMPLOYEE);
    }
}
