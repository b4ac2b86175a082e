package io.badgeflow.admin.session;

/**
 * The user pool's sign-in, as the back-office UI needs it: a password for tokens, a refresh token for a new access
 * token, and revoking a refresh token at logout. Implemented over Cognito in the {@code aws} package.
 */
public interface SignIn {

    /** @throws SignInRefusedException when the pool refuses the username and password */
    IssuedTokens withPassword(String username, String password);

    /** @throws SignInRefusedException when the refresh token is unknown, expired or revoked */
    IssuedTokens withRefreshToken(String refreshToken);

    /** Revokes the refresh token (and the access tokens issued from it) where the pool supports it. */
    void revoke(String refreshToken);

    /**
     * What the pool issued: the access token, its life in seconds, and a refresh token (null on a refresh that
     * keeps the old one).
     */
    record IssuedTokens(String accessToken, int expiresIn, String refreshToken) {}
}
