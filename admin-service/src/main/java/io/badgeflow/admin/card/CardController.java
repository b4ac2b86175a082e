package io.badgeflow.admin.card;

import io.badgeflow.admin.command.AcceptedAnswer;
import io.badgeflow.admin.command.CommandSubmissions;
import io.badgeflow.admin.command.CommandSubmissions.Stamp;
import io.badgeflow.admin.command.CommandView;
import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.admin.web.Paging;
import io.badgeflow.model.Require;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.CommandHistory;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.LinkCard;
import io.badgeflow.model.command.ReportCardLost;
import io.badgeflow.model.command.ResumeCard;
import io.badgeflow.model.command.RevokeCard;
import io.badgeflow.model.command.SetCardValidity;
import io.badgeflow.model.command.SuspendCard;
import io.badgeflow.model.command.UnlinkCard;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cards: issuing, linking and every status change are commands; whether a change is allowed (a lost card never
 * comes back, one current card per employee) is decided when card-events applies it, against current state, and
 * shows as REJECTED with its reason. The card id is chosen here so the caller can follow the card at once.
 */
@RestController
@RequestMapping("/api/v1/cards")
class CardController {

    private final CommandSubmissions commands;
    private final BackOfficeDirectory directory;
    private final CommandHistory history;
    private final PeopleNames people;

    CardController(
            CommandSubmissions commands, BackOfficeDirectory directory, CommandHistory history, PeopleNames people) {
        this.people = people;
        this.commands = commands;
        this.directory = directory;
        this.history = history;
    }

    /** Issues a card: linked and ACTIVE at once with an employee (superseding their current card), else in stock. */
    @PostMapping
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<CardAccepted> issue(
            @Valid @RequestBody IssueCardRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return submit(
                user,
                idempotencyKey,
                request,
                stamp -> new IssueCard(
                        stamp.commandId(),
                        stamp.actor(),
                        stamp.occurredAt(),
                        UUID.randomUUID().toString(),
                        request.cardNumber(),
                        request.employeeId(),
                        request.validFrom(),
                        request.validUntil()),
                IssueCard::cardId);
    }

    @PostMapping("/{cardId}/link")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<CardAccepted> link(
            @PathVariable String cardId,
            @Valid @RequestBody LinkCardRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return submit(
                user,
                idempotencyKey,
                request,
                stamp -> new LinkCard(
                        stamp.commandId(), stamp.actor(), stamp.occurredAt(), cardId, request.employeeId()),
                LinkCard::cardId);
    }

    @PostMapping("/{cardId}/unlink")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<CardAccepted> unlink(
            @PathVariable String cardId,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return submit(
                user,
                idempotencyKey,
                null,
                stamp -> new UnlinkCard(stamp.commandId(), stamp.actor(), stamp.occurredAt(), cardId),
                UnlinkCard::cardId);
    }

    @PostMapping("/{cardId}/suspend")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<CardAccepted> suspend(
            @PathVariable String cardId,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return submit(
                user,
                idempotencyKey,
                null,
                stamp -> new SuspendCard(stamp.commandId(), stamp.actor(), stamp.occurredAt(), cardId),
                SuspendCard::cardId);
    }

    @PostMapping("/{cardId}/resume")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<CardAccepted> resume(
            @PathVariable String cardId,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return submit(
                user,
                idempotencyKey,
                null,
                stamp -> new ResumeCard(stamp.commandId(), stamp.actor(), stamp.occurredAt(), cardId),
                ResumeCard::cardId);
    }

    @PostMapping("/{cardId}/report-lost")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<CardAccepted> reportLost(
            @PathVariable String cardId,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return submit(
                user,
                idempotencyKey,
                null,
                stamp -> new ReportCardLost(stamp.commandId(), stamp.actor(), stamp.occurredAt(), cardId),
                ReportCardLost::cardId);
    }

    @PostMapping("/{cardId}/revoke")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<CardAccepted> revoke(
            @PathVariable String cardId,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return submit(
                user,
                idempotencyKey,
                null,
                stamp -> new RevokeCard(stamp.commandId(), stamp.actor(), stamp.occurredAt(), cardId),
                RevokeCard::cardId);
    }

    /** Sets the window in which the card opens doors; leaving an end out leaves the window open on that side. */
    @PutMapping("/{cardId}/validity")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<CardAccepted> setValidity(
            @PathVariable String cardId,
            @Valid @RequestBody ValidityRequest request,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt user) {
        return submit(
                user,
                idempotencyKey,
                request,
                stamp -> new SetCardValidity(
                        stamp.commandId(),
                        stamp.actor(),
                        stamp.occurredAt(),
                        cardId,
                        request.validFrom(),
                        request.validUntil()),
                SetCardValidity::cardId);
    }

    /** Cards by card number; with {@code status} only the cards in it (for example every SUSPENDED card). */
    @GetMapping
    @PreAuthorize(Roles.ANY_STAFF)
    Page<CardView> cards(
            @RequestParam(required = false) CardStatus status,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size,
            @RequestParam(required = false) String cursor) {
        return Paging.mapPage(
                directory.cards(status, Paging.request(size, cursor)), cards -> CardView.of(cards, people));
    }

    @GetMapping("/{cardId}")
    @PreAuthorize(Roles.ANY_STAFF)
    CardDetails card(@PathVariable String cardId) {
        Require.id("cardId", cardId);
        var card = directory.card(cardId).orElseThrow(() -> NotFound.of("card", cardId));
        return new CardDetails(
                CardView.of(List.of(card), people).getFirst(),
                Paging.mapPage(
                        history.ofSubject(cardId, PageRequest.first(20)), records -> CommandView.of(records, people)));
    }

    private <C extends Command> ResponseEntity<CardAccepted> submit(
            Jwt user,
            String idempotencyKey,
            Object request,
            Function<Stamp, C> newCommand,
            Function<C, String> cardId) {
        return commands.submit(
                user,
                idempotencyKey,
                request,
                newCommand,
                command -> new CardAccepted(command.commandId(), CommandStatus.PENDING, cardId.apply(command)),
                CardAccepted.class);
    }

    /** The body of {@code POST /api/v1/cards}; without {@code employeeId} the card goes into stock. */
    record IssueCardRequest(
            @NotBlank @Pattern(regexp = ApiPatterns.ID, message = ApiPatterns.ID_MESSAGE)
            String cardNumber,

            @Pattern(regexp = ApiPatterns.ID, message = ApiPatterns.ID_MESSAGE)
            String employeeId,

            Instant validFrom,
            Instant validUntil) {}

    record LinkCardRequest(
            @NotBlank @Pattern(regexp = ApiPatterns.ID, message = ApiPatterns.ID_MESSAGE)
            String employeeId) {}

    record ValidityRequest(Instant validFrom, Instant validUntil) {}

    /** The 202 body: the command to follow and the card it concerns (the new one's id, for an issue). */
    record CardAccepted(String commandId, CommandStatus status, String cardId) implements AcceptedAnswer {}

    /** One card with its latest commands. */
    record CardDetails(CardView card, Page<CommandView> commands) {}
}
