package io.badgeflow.admin.card;

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
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.LinkCard;
import io.badgeflow.model.command.SetCardValidity;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

/** The HTTP contract of cards: issuing with a chosen id, every status change, validity, and the read side. */
class CardApiTests extends ApiSliceTestSupport {

    @Test
    void issuesACardWithAnIdChosenHereAndTheWindowAsked() throws Exception {
        var result = mvc.perform(post("/api/v1/cards")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"cardNumber":"04A1B2","employeeId":"emp-1","validFrom":"2025-01-01T00:00:00Z",
                         "validUntil":"2026-01-01T00:00:00Z"}""")
                        .with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn();

        var command = writtenOnce(IssueCard.class);
        assertThat(command.cardId()).isNotBlank();
        assertThat(command.cardNumber()).isEqualTo("04A1B2");
        assertThat(command.employeeId()).isEqualTo("emp-1");
        assertThat(command.validUntil()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/commands/" + command.commandId());
        assertThat(result.getResponse().getContentAsString()).contains("\"cardId\":\"" + command.cardId() + "\"");
    }

    @Test
    void issuesACardIntoStockWithoutAnEmployee() throws Exception {
        mvc.perform(post("/api/v1/cards")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cardNumber\":\"04A1B3\"}")
                        .with(admin()))
                .andExpect(status().isAccepted());

        assertThat(writtenOnce(IssueCard.class).employeeId()).isNull();
    }

    @Test
    void namesEveryInvalidFieldOfAnIssue() throws Exception {
        mvc.perform(post("/api/v1/cards")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"cardNumber\":\"\",\"employeeId\":\"no spaces please\",\"validFrom\":\"yesterday\"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.validFrom").exists());
        mvc.perform(post("/api/v1/cards")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cardNumber\":\"\",\"employeeId\":\"no spaces please\"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.cardNumber").exists())
                .andExpect(jsonPath("$.errors.employeeId").exists());

        assertThat(written()).isEmpty();
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() throws Exception {
        mvc.perform(post("/api/v1/cards")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"cardNumber":"04A1B2","validFrom":"2026-01-01T00:00:00Z","validUntil":"2025-01-01T00:00:00Z"}""")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.validUntil").exists());

        assertThat(written()).isEmpty();
    }

    @Test
    void linksACardToTheEmployeeInTheBody() throws Exception {
        mvc.perform(post("/api/v1/cards/card-1/link")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeId\":\"emp-2\"}")
                        .with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.cardId").value("card-1"));

        var command = writtenOnce(LinkCard.class);
        assertThat(command.cardId()).isEqualTo("card-1");
        assertThat(command.employeeId()).isEqualTo("emp-2");
    }

    @Test
    void refusesALinkWithoutAnEmployee() throws Exception {
        mvc.perform(post("/api/v1/cards/card-1/link")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.employeeId").exists());
    }

    @ParameterizedTest
    @CsvSource({
        "unlink, UnlinkCard",
        "suspend, SuspendCard",
        "resume, ResumeCard",
        "report-lost, ReportCardLost",
        "revoke, RevokeCard"
    })
    void acceptsEachStatusChangeAsItsOwnCommand(String action, String type) throws Exception {
        var result = mvc.perform(post("/api/v1/cards/card-1/" + action).with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.cardId").value("card-1"))
                .andReturn();

        var command = written().getFirst();
        assertThat(command.type()).isEqualTo(type);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/commands/" + command.commandId());
    }

    @Test
    void setsOrClearsTheValidityWindow() throws Exception {
        mvc.perform(put("/api/v1/cards/card-1/validity")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validUntil\":\"2026-06-30T17:00:00Z\"}")
                        .with(admin()))
                .andExpect(status().isAccepted());

        var command = writtenOnce(SetCardValidity.class);
        assertThat(command.validFrom()).isNull();
        assertThat(command.validUntil()).isEqualTo(Instant.parse("2026-06-30T17:00:00Z"));
    }

    @Test
    void listsCardsInOneStatus() throws Exception {
        when(directory.cards(CardStatus.SUSPENDED, new PageRequest(20, null)))
                .thenReturn(new Page<>(List.of(Examples.card("card-1", "emp-1")), null));

        mvc.perform(get("/api/v1/cards").param("status", "SUSPENDED").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].cardId").value("card-1"));
    }

    @Test
    void namesTheHolderOfEachCardAndLeavesACardInStockUnnamed() throws Exception {
        when(directory.cards(null, new PageRequest(20, null)))
                .thenReturn(new Page<>(List.of(Examples.card("card-1", "emp-1"), Examples.card("card-2", null)), null));
        when(directory.employees(List.of("emp-1"))).thenReturn(List.of(Examples.employee("emp-1")));

        mvc.perform(get("/api/v1/cards").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].employeeNumber").value("E-emp-1"))
                .andExpect(jsonPath("$.items[0].givenName").value("Ada"))
                .andExpect(jsonPath("$.items[0].familyName").value("Lovelace"))
                .andExpect(jsonPath("$.items[1].employeeId").doesNotExist())
                .andExpect(jsonPath("$.items[1].givenName").doesNotExist());
    }

    @Test
    void namesAnUnknownStatusParameter() throws Exception {
        mvc.perform(get("/api/v1/cards").param("status", "MISPLACED").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.status").exists());
    }

    @Test
    void showsACardWithItsHistory() throws Exception {
        when(directory.card("card-1")).thenReturn(Optional.of(Examples.card("card-1", "emp-1")));
        when(history.ofSubject("card-1", PageRequest.first(20)))
                .thenReturn(new Page<>(List.of(Examples.applied("cmd-1", "IssueCard", "emp-1", "card-1")), null));

        mvc.perform(get("/api/v1/cards/card-1").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.card.status").value("ACTIVE"))
                .andExpect(jsonPath("$.commands.items[0].commandId").value("cmd-1"));
    }

    @Test
    void answersAnUnknownCardWithNotFoundProblem() throws Exception {
        when(directory.card(any())).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/cards/nope").with(auditor()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
