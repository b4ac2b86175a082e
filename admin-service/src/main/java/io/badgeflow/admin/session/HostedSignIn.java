package io.badgeflow.admin.session;

import java.net.URI;

/** The pool's token endpoint for its hosted (federated) sign-in: an authorization code for tokens. */
public interface HostedSignIn {

    /**
     * Exchanges the code the pool's hosted sign-in returned with, proving the PKCE verifier and the app client's
     * secret.
     *
     * @throws SignInRefusedException when the pool refuses the code (unknown, used, expired, or not this verifier's)
     */
    SignIn.IssuedTokens exchange(String code, String codeVerifier, URI redirectUri);
}
