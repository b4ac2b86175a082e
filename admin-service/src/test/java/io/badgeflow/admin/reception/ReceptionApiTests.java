package io.badgeflow.admin.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.command.RegisterVisitor;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.presence.Presence;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The HTTP contract of reception: registering visitors and contractors, and the desk's list of the day. */
class ReceptionApiTests extends ApiSliceTestSupport {

    private static final LocalDate DAY = LocalDate.now().plusDays(2);

    @BeforeEach
    void aHostWithAccessToHq() {
        when(directory.building("HQ")).thenReturn(Optional.of(Examples.building("HQ")));
        when(directory.building("DC")).thenReturn(Optional.of(Examples.building("DC")));
        when(directory.employee("host-1")).thenReturn(Optional.of(Examples.employee("host-1")));
        when(directory.grantsOf("host-1")).thenReturn(List.of(Examples.grant("host-1", "HQ")));
    }

    @Test
    void registersAVisitorForTheDayWithTheBadgeAsOneCommand() throws Exception {
        mvc.perform(post("/api/v1/reception/visitors")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName": "Grace", "familyName": "Hopper", "company": "Navy",
                                 "hostEmployeeId": "host-1", "buildingIds": ["HQ"],
                                 "validFrom": "%s", "cardNumber": "V-0001"}""".formatted(DAY)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/commands/")))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.employeeId").isNotEmpty())
                .andExpect(jsonPath("$.cardId").isNotEmpty());

        var command = writtenOnce(RegisterVisitor.class);
        assertThat(command.affiliation()).isEqualTo(Affiliation.visitor("host-1", "Navy", DAY, DAY));
        assertThat(command.buildingIds()).containsExactly("HQ");
        assertThat(command.cardNumber()).isEqualTo("V-0001");
        assertThat(command.employeeNumber()).isEqualTo("V-" + command.employeeId());
        assertThat(command.email()).isNull();
    }

    @Test
    void refusesABuildingOutsideTheHostsOwnAccessWith400NamingIt() throws Exception {
        mvc.perform(post("/api/v1/reception/visitors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName": "Grace", "familyName": "Hopper", "hostEmployeeId": "host-1",
                                 "buildingIds": ["HQ", "DC"], "cardNumber": "V-0001"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.buildingIds").value(org.hamcrest.Matchers.containsString("(DC)")));
        assertThat(written()).isEmpty();
    }

    @Test
    void refusesAVisitorWithoutAHostAndAHostWhoIsAVisitor() throws Exception {
        mvc.perform(post("/api/v1/reception/visitors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName": "Grace", "familyName": "Hopper", "buildingIds": ["HQ"],
                                 "cardNumber": "V-0001"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.hostEmployeeId").exists());
        when(directory.employee("vis-1")).thenReturn(Optional.of(visitor("vis-1", "host-1")));

        mvc.perform(post("/api/v1/reception/visitors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName": "Grace", "familyName": "Hopper", "hostEmployeeId": "vis-1",
                                 "buildingIds": ["HQ"], "cardNumber": "V-0001"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.hostEmployeeId").exists());
        assertThat(written()).isEmpty();
    }

    @Test
    void refusesAContractorWithoutAnEndDate() throws Exception {
        mvc.perform(post("/api/v1/reception/visitors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "CONTRACTOR", "givenName": "Bob", "familyName": "Builder",
                                 "company": "Acme Ltd", "buildingIds": ["HQ"], "cardNumber": "C-0001"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.validUntil").value(org.hamcrest.Matchers.containsString("end date")));
        assertThat(written()).isEmpty();
    }

    @Test
    void registersAContractorWithCompanyAndEndDateForAnAdminOnly() throws Exception {
        var body = """
                {"kind": "CONTRACTOR", "givenName": "Bob", "familyName": "Builder", "company": "Acme Ltd",
                 "buildingIds": ["DC"], "validUntil": "%s", "cardNumber": "C-0001"}""".formatted(DAY);

        mvc.perform(post("/api/v1/reception/visitors")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/reception/visitors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isAccepted());

        var command = writtenOnce(RegisterVisitor.class);
        assertThat(command.affiliation()).isEqualTo(Affiliation.contractor("Acme Ltd", null, null, DAY));
        assertThat(command.employeeNumber()).startsWith("C-");
    }

    @Test
    void refusesAVisitThatEndedAndABadgeAlreadyInUse() throws Exception {
        mvc.perform(post("/api/v1/reception/visitors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName": "Grace", "familyName": "Hopper", "hostEmployeeId": "host-1",
                                 "buildingIds": ["HQ"], "validFrom": "2020-01-01", "cardNumber": "V-0001"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.validUntil").exists());
        when(directory.cardByNumber("V-0002")).thenReturn(Optional.of(Examples.card("card-9", null)));

        mvc.perform(post("/api/v1/reception/visitors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName": "Grace", "familyName": "Hopper", "hostEmployeeId": "host-1",
                                 "buildingIds": ["HQ"], "cardNumber": "V-0002"}"""))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(written()).isEmpty();
    }

    @Test
    void keepsRegistrationFromAuditors() throws Exception {
        mvc.perform(post("/api/v1/reception/visitors")
                        .with(auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(documents);
    }

    @Test
    void listsWhoIsExpectedWithTheHostsNameAndWhoIsInside() throws Exception {
        var expected = visitor("vis-1", "host-1");
        var inside = visitor("vis-2", "host-1");
        when(affiliates.notEndedBy(Affiliation.Kind.VISITOR, DAY)).thenReturn(List.of(expected, inside));
        when(affiliates.notEndedBy(Affiliation.Kind.CONTRACTOR, DAY)).thenReturn(List.of());
        when(directory.grantsOf("vis-1")).thenReturn(List.of(Examples.grant("vis-1", "HQ")));
        when(directory.grantsOf("vis-2")).thenReturn(List.of(Examples.grant("vis-2", "HQ")));
        when(directory.employees(anyList())).thenReturn(List.of(Examples.employee("host-1")));
        when(directory.cards(any())).thenReturn(List.of());
        when(presence.inside("HQ"))
                .thenReturn(List.of(new Presence("vis-2", "HQ", true, "door-1", Examples.AT, "evt-1", 1)));

        mvc.perform(get("/api/v1/reception")
                        .param("buildingId", "HQ")
                        .param("date", DAY.toString())
                        .with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value(DAY.toString()))
                .andExpect(jsonPath("$.expected.length()").value(2))
                .andExpect(jsonPath("$.expected[0].kind").value("VISITOR"))
                .andExpect(jsonPath("$.expected[0].hostName").value("Ada Lovelace"))
                .andExpect(jsonPath("$.inside.length()").value(1))
                .andExpect(jsonPath("$.inside[0].employeeId").value("vis-2"))
                .andExpect(jsonPath("$.inside[0].since").value("2025-03-01T09:00:00Z"));
    }

    @Test
    void answersAnUnknownBuildingWith404AndABadDateWith400() throws Exception {
        mvc.perform(get("/api/v1/reception").param("buildingId", "NOPE").with(operator()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/reception")
                        .param("buildingId", "HQ")
                        .param("date", "tomorrow")
                        .with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void showsAVisitorOnTheMusterListAsAVisitorWithTheHostsName() throws Exception {
        when(presence.inside("HQ"))
                .thenReturn(List.of(new Presence("vis-1", "HQ", true, "door-1", Examples.AT, "evt-1", 1)));
        when(directory.employees(List.of("vis-1"))).thenReturn(List.of(visitor("vis-1", "host-1")));
        when(directory.employees(List.of("host-1"))).thenReturn(List.of(Examples.employee("host-1")));

        mvc.perform(get("/api/v1/buildings/HQ/muster").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people[0].employeeId").value("vis-1"))
                .andExpect(jsonPath("$.people[0].kind").value("VISITOR"))
                .andExpect(jsonPath("$.people[0].company").value("Navy"))
                .andExpect(jsonPath("$.people[0].hostEmployeeId").value("host-1"))
                .andExpect(jsonPath("$.people[0].hostName").value("Ada Lovelace"));
    }

    private static Employee visitor(String employeeId, String hostId) {
        var e = Examples.employee(employeeId);
        return new Employee(
                e.employeeId(),
                "V-" + employeeId,
                "Grace",
                employeeId,
                null,
                null,
                e.status(),
                null,
                List.of(),
                e.registeredAt(),
                e.registeredBy(),
                e.updatedAt(),
                1,
                Affiliation.visitor(hostId, "Navy", DAY, DAY));
    }
}
