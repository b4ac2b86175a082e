package io.badgeflow.admin.access;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.access.EntryPolicy;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.presence.AntiPassback;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * "Who can enter" and "can enter", answered by the real entry rules over the back office's records: the place
 * from the facts, the people from the directory. Monday 09:00 in London is inside the example grant's schedule.
 */
class AccessQuestionApiTests extends ApiSliceTestSupport {

    private static final String MONDAY_9 = "2025-03-03T09:00:00Z";
    private static final String SATURDAY_9 = "2025-03-01T09:00:00Z";

    @BeforeEach
    void oneDoorOfOneBuilding() {
        var door = Examples.door("door-1", "HQ");
        var building = Examples.building("HQ");
        when(directory.door("door-1")).thenReturn(Optional.of(door));
        when(accessFacts.door("door-1")).thenReturn(Optional.of(door));
        when(directory.building("HQ")).thenReturn(Optional.of(building));
        when(accessFacts.building("HQ")).thenReturn(Optional.of(building));
        when(accessFacts.antiPassback(any())).thenReturn(AntiPassback.hard());
    }

    @Test
    void splitsTheBuildingsGrantHoldersIntoGrantedAndRefusedWithTheRule() throws Exception {
        var ada = Examples.employee("emp-1", "card-1");
        var bob = Examples.employee("emp-2", "card-2");
        when(directory.grantsFor(any(), any()))
                .thenReturn(new Page<>(List.of(Examples.grant("emp-1", "HQ"), Examples.grant("emp-2", "HQ")), null));
        when(directory.employees(anyList())).thenReturn(List.of(ada, bob));
        var revoked =
                new Card("card-2", "N-card-2", CardStatus.REVOKED, "emp-2", null, null, Examples.AT, Examples.AT, 2);
        when(directory.cards(anyList())).thenReturn(List.of(Examples.card("card-1", "emp-1"), revoked));

        mvc.perform(get("/api/v1/doors/door-1/who-can-enter?at=" + MONDAY_9).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buildingId").value("HQ"))
                .andExpect(jsonPath("$.policyVersion").value(EntryPolicy.VERSION))
                .andExpect(jsonPath("$.granted.length()").value(1))
                .andExpect(jsonPath("$.granted[0].employeeId").value("emp-1"))
                .andExpect(jsonPath("$.granted[0].rule").value("all-rules-passed"))
                .andExpect(jsonPath("$.refused[0].employeeId").value("emp-2"))
                .andExpect(jsonPath("$.refused[0].reason").value("CARD_NOT_ACTIVE"))
                .andExpect(jsonPath("$.refused[0].rule").value("card-active"));

        mvc.perform(get("/api/v1/doors/door-1/who-can-enter?at=" + SATURDAY_9).with(operator()))
                .andExpect(jsonPath("$.granted.length()").value(0))
                .andExpect(
                        jsonPath("$.refused[?(@.employeeId == 'emp-1')].reason").value("OUTSIDE_SCHEDULE"));
    }

    @Test
    void listsAGrantHolderWithoutACardAsRefused() throws Exception {
        when(directory.grantsFor(any(), any())).thenReturn(new Page<>(List.of(Examples.grant("emp-3", "HQ")), null));
        when(directory.employees(anyList())).thenReturn(List.of(Examples.employee("emp-3")));
        when(directory.cards(anyList())).thenReturn(List.of());

        mvc.perform(get("/api/v1/doors/door-1/who-can-enter?at=" + MONDAY_9).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.granted.length()").value(0))
                .andExpect(jsonPath("$.refused[0].employeeId").value("emp-3"));
    }

    @Test
    void answersPerGrantedBuildingWhetherTheEmployeeCanEnter() throws Exception {
        when(directory.employee("emp-1")).thenReturn(Optional.of(Examples.employee("emp-1", "card-1")));
        when(directory.card("card-1")).thenReturn(Optional.of(Examples.card("card-1", "emp-1")));
        when(directory.grantsOf("emp-1")).thenReturn(List.of(Examples.grant("emp-1", "HQ")));

        mvc.perform(get("/api/v1/employees/emp-1/can-enter?at=" + MONDAY_9).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cardId").value("card-1"))
                .andExpect(jsonPath("$.buildings[0].buildingId").value("HQ"))
                .andExpect(jsonPath("$.buildings[0].buildingName").value("Head office"))
                .andExpect(jsonPath("$.buildings[0].decision").value("GRANTED"))
                .andExpect(jsonPath("$.buildings[0].policyVersion").value(EntryPolicy.VERSION));
    }

    @Test
    void answersForOneBuildingWithoutAGrantAsNoAccess() throws Exception {
        when(directory.employee("emp-1")).thenReturn(Optional.of(Examples.employee("emp-1", "card-1")));
        when(directory.card("card-1")).thenReturn(Optional.of(Examples.card("card-1", "emp-1")));

        mvc.perform(get("/api/v1/employees/emp-1/can-enter?buildingId=HQ&at=" + MONDAY_9)
                        .with(operator()))
                .andExpect(jsonPath("$.buildings[0].decision").value("DENIED"))
                .andExpect(jsonPath("$.buildings[0].reason").value("NO_ACCESS_TO_BUILDING"))
                .andExpect(jsonPath("$.buildings[0].rule").value("grant-for-building"));
    }

    @Test
    void answersAnEmployeeWithoutACardWithNoCard() throws Exception {
        when(directory.employee("emp-1")).thenReturn(Optional.of(Examples.employee("emp-1")));
        when(directory.grantsOf("emp-1")).thenReturn(List.of(Examples.grant("emp-1", "HQ")));

        mvc.perform(get("/api/v1/employees/emp-1/can-enter?at=" + MONDAY_9).with(operator()))
                .andExpect(jsonPath("$.buildings[0].reason").value("NO_CARD"));
    }

    @Test
    void refusesAMomentThatIsNotAnInstant() throws Exception {
        mvc.perform(get("/api/v1/doors/door-1/who-can-enter?at=monday").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.at").exists());
        mvc.perform(get("/api/v1/employees/emp-1/can-enter?buildingId=a b").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.buildingId").exists());
    }

    @Test
    void answersAnUnknownDoorOrEmployeeWith404() throws Exception {
        mvc.perform(get("/api/v1/doors/door-9/who-can-enter").with(operator()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/employees/emp-9/can-enter").with(operator())).andExpect(status().isNotFound());
    }
}
