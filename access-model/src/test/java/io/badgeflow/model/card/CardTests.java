package io.badgeflow.model.card;

import static io.badgeflow.model.command.Commands.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CardTests {

    @Test
    void isActiveAtOnceWhenIssuedToAnEmployee() {
        var card = Card.issued("card-1", "0042", "emp-1", null, null, NOW);

        assertThat(card.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(card.employeeId()).isEqualTo("emp-1");
        assertThat(card.version()).isEqualTo(1);
    }

    @Test
    void goesIntoStockWhenIssuedToNobody() {
        assertThat(Card.issued("card-1", "0042", null, null, null, NOW).status())
                .isEqualTo(CardStatus.ISSUED);
    }

    @Test
    void becomesActiveWhenACardInStockIsLinked() {
        var linked = Cards.inStock().build().linkedTo("emp-2");

        assertThat(linked.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(linked.employeeId()).isEqualTo("emp-2");
        assertThat(linked.version()).isEqualTo(4);
    }

    @Test
    void refusesToLinkACardThatIsAlreadyLinked() {
        assertRejected(() -> Cards.active().build().linkedTo("emp-2"), RejectionReason.CARD_ALREADY_LINKED);
        assertRejected(
                () -> Cards.in(CardStatus.SUSPENDED).build().linkedTo("emp-2"), RejectionReason.CARD_ALREADY_LINKED);
    }

    @Test
    void goesBackIntoStockWhenUnlinked() {
        var unlinked = Cards.active().build().unlinked();

        assertThat(unlinked.status()).isEqualTo(CardStatus.ISSUED);
        assertThat(unlinked.employeeId()).isNull();
    }

    @Test
    void refusesToTakeBackASuspendedCardSoItsSuspensionCannotBeShedInStock() {
        assertRejected(() -> Cards.in(CardStatus.SUSPENDED).build().unlinked(), RejectionReason.CARD_NOT_ACTIVE);
    }

    @Test
    void refusesToUnlinkACardInStock() {
        assertRejected(() -> Cards.inStock().build().unlinked(), RejectionReason.CARD_NOT_LINKED);
    }

    @Test
    void suspendsAnActiveCardAndResumesIt() {
        var suspended = Cards.active().build().suspended();
        assertThat(suspended.status()).isEqualTo(CardStatus.SUSPENDED);
        assertThat(suspended.resumed().status()).isEqualTo(CardStatus.ACTIVE);
    }

    @Test
    void refusesToSuspendACardThatIsNotActive() {
        assertRejected(() -> Cards.inStock().build().suspended(), RejectionReason.CARD_NOT_ACTIVE);
        assertRejected(() -> Cards.in(CardStatus.SUSPENDED).build().suspended(), RejectionReason.CARD_NOT_ACTIVE);
    }

    @Test
    void refusesToResumeACardThatIsNotSuspended() {
        assertRejected(() -> Cards.active().build().resumed(), RejectionReason.CARD_NOT_SUSPENDED);
        assertRejected(() -> Cards.inStock().build().resumed(), RejectionReason.CARD_NOT_SUSPENDED);
    }

    @ParameterizedTest
    @EnumSource(
            value = CardStatus.class,
            names = {"ISSUED", "ACTIVE", "SUSPENDED"})
    void endsForGoodWhenLostRevokedOrSuperseded(CardStatus from) {
        var card = Cards.in(from).build();

        assertThat(card.lost().status()).isEqualTo(CardStatus.LOST);
        assertThat(card.revoked().status()).isEqualTo(CardStatus.REVOKED);
        assertThat(card.superseded().status()).isEqualTo(CardStatus.SUPERSEDED);
        assertThat(card.revoked().employeeId()).isEqualTo(card.employeeId());
    }

    static Stream<UnaryOperator<Card>> everyTransition() {
        return Stream.of(
                c -> c.linkedTo("emp-2"),
                Card::unlinked,
                Card::suspended,
                Card::resumed,
                Card::lost,
                Card::revoked,
                Card::superseded,
                c -> c.withValidity(null, null, NOW));
    }

    @ParameterizedTest
    @MethodSource("everyTransition")
    void neverChangesOnceLostRevokedOrSuperseded(UnaryOperator<Card> transition) {
        for (var terminal : new CardStatus[] {CardStatus.LOST, CardStatus.REVOKED, CardStatus.SUPERSEDED}) {
            assertRejected(() -> transition.apply(Cards.in(terminal).build()), RejectionReason.CARD_TERMINAL);
        }
    }

    @Test
    void takesANewValidityWindow() {
        var from = Instant.parse("2026-12-01T00:00:00Z");
        var until = Instant.parse("2027-12-01T00:00:00Z");

        var card = Cards.active().build().withValidity(from, until, NOW);

        assertThat(card.validFrom()).isEqualTo(from);
        assertThat(card.validUntil()).isEqualTo(until);
        assertThat(card.validitySetAt()).isEqualTo(NOW);
    }

    @Test
    void refusesAValidityWindowOlderThanTheOneItHas() {
        var card = Cards.active().validitySetAt(NOW).build();

        assertRejected(() -> card.withValidity(null, null, NOW.minusSeconds(1)), RejectionReason.STALE_UPDATE);
    }

    @Test
    void isValidInsideItsWindowOnly() {
        var from = Instant.parse("2026-12-01T00:00:00Z");
        var until = Instant.parse("2027-01-01T00:00:00Z");
        var card = Cards.active().validFrom(from).validUntil(until).build();

        assertThat(card.isValidAt(from)).isTrue();
        assertThat(card.isValidAt(from.minusMillis(1))).isFalse();
        assertThat(card.isValidAt(until.minusMillis(1))).isTrue();
        assertThat(card.isValidAt(until)).isFalse();
        assertThat(Cards.active().build().isValidAt(Instant.MAX)).isTrue();
    }

    @Test
    void cannotBeActiveWithoutAnEmployeeOrInStockWithOne() {
        assertThatThrownBy(() -> Cards.active().employeeId(null).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cards.inStock().employeeId("emp-1").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    static void assertRejected(ThrowingCallable transition, RejectionReason reason) {
        assertThatThrownBy(transition)
                .isInstanceOf(RejectedException.class)
                .extracting(e -> ((RejectedException) e).reason())
                .isEqualTo(reason);
    }
}
