package io.badgeflow.admin.session;

/**
 * The user pool's sign-in, as the back-office UI needs it: a password (and the challenges the pool may answer it
 * with) for tokens, a refresh token for a new access token, TOTP enrolment, and revoking a refresh token at logout.
 * Implemented over Cognito in the {@code aws} package.
 */
public interface SignIn {

    /** @throws SignInRefusedException when the pool refuses the username and password */
    SignInStep withPassword(String username, String password);

    /**
     * A new access token for a refresh token of {@code username} (the pool's username, as the access token's
     * {@code username} claim names it: the confidential app client's SECRET_HASH is computed over it).
     *
     * @throws SignInRefusedException when the refresh token is unknown, expired or revoked, or not that user's
     */
    IssuedTokens withRefreshToken(String username, String refreshToken);

    /**
     * Answers NEW_PASSWORD_REQUIRED with the user's own password.
     *
     * @throws SignInInputException when the pool refuses the password (its policy)
     * @throws SignInRefusedException when the challenge session expired or is unknown
     */
    SignInStep newPassword(String username, String session, String newPassword);

    /**
     * Answers SOFTWARE_TOKEN_MFA with a code of the user's authenticator.
     *
     * @throws SignInInputException when the code is wrong
     * @throws SignInRefusedException when the challenge session expired or is unknown
     */
    SignInStep totpCode(String username, String session, String code);

    /** Starts TOTP enrolment inside an MFA_SETUP challenge: the new secret and the session to answer with. */
    TotpEnrolment enrolTotp(String session);

    /** Starts TOTP enrolment of a signed-in user (the pool does not ask for it; this service does). */
    TotpEnrolment enrolTotpWithAccessToken(String accessToken);

    /**
     * Finishes MFA_SETUP: verifies the first code against the new secret and answers the challenge.
     *
     * @throws SignInInputException when the code is wrong
     */
    SignInStep confirmTotp(String username, String session, String code);

    /**
     * Finishes the enrolment of a signed-in user: verifies the first code and makes TOTP the user's MFA, so each
     * later password sign-in is answered with SOFTWARE_TOKEN_MFA.
     *
     * @throws SignInInputException when the code is wrong
     */
    void confirmTotpWithAccessToken(String accessToken, String code);

    /** Whether the user the access token belongs to has TOTP as an MFA method. */
    boolean hasTotp(String accessToken);

    /** Revokes the refresh token (and the access tokens issued from it) where the pool supports it. */
    void revoke(String refreshToken);

    /** What a sign-in step answered: tokens, or a challenge to answer next. */
    sealed interface SignInStep permits IssuedTokens, Challenge {}

    /**
     * What the pool issued: the access token, its life in seconds, and a refresh token (null on a refresh that
     * keeps the old one).
     */
    record IssuedTokens(String accessToken, int expiresIn, String refreshToken) implements SignInStep {}

    /**
     * A challenge and the pool's session to answer it with (a secret of this sign-in: never logged, kept from
     * scripts in an HttpOnly cookie).
     */
    record Challenge(ChallengeName name, String session) implements SignInStep {
        @Override
        public String toString() {
            return "Challenge[" + name + "]";
        }
    }

    /** The challenges the back-office UI completes. */
    enum ChallengeName {
        NEW_PASSWORD_REQUIRED,
        MFA_SETUP,
        SOFTWARE_TOKEN_MFA
    }

    /**
     * A TOTP secret to enrol (base32) and the session to confirm it with (null when enrolling with an access
     * token).
     */
    record TotpEnrolment(String secret, String session) {
        @Override
        public String toString() {
            return "TotpEnrolment[hidden]";
        }
    }
}
