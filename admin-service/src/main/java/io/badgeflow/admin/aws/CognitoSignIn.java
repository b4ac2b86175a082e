package io.badgeflow.admin.aws;

import io.badgeflow.admin.session.SignIn;
import io.badgeflow.admin.session.SignInRefusedException;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Sign-in over the user pool's web app client (no secret): InitiateAuth with USER_PASSWORD_AUTH and
 * REFRESH_TOKEN_AUTH, RevokeToken at logout. Every refusal reads the same, so the answer never says whether a
 * user exists.
 */
final class CognitoSignIn implements SignIn {

    private static final String REFUSED = "Incorrect username or password.";

    private final CognitoIdentityProviderClient cognito;
    private final String clientId;

    CognitoSignIn(CognitoIdentityProviderClient cognito, String clientId) {
        this.cognito = cognito;
        this.clientId = clientId;
    }

    @Override
    public IssuedTokens withPassword(String username, String password) {
        try {
            return tokens(cognito.initiateAuth(request -> request.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password))));
        } catch (NotAuthorizedException
                | UserNotFoundException
                | UserNotConfirmedException
                | PasswordResetRequiredException
                | InvalidParameterException refused) {
            throw new SignInRefusedException(REFUSED, refused);
        }
    }

    @Override
    public IssuedTokens withRefreshToken(String refreshToken) {
        try {
            return tokens(cognito.initiateAuth(request -> request.clientId(clientId)
                    .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", refreshToken))));
        } catch (NotAuthorizedException | UserNotFoundException | InvalidParameterException refused) {
            throw new SignInRefusedException("Your session has ended. Please sign in again.", refused);
        }
    }

    @Override
    public void revoke(String refreshToken) {
        cognito.revokeToken(request -> request.clientId(clientId).token(refreshToken));
    }

    private static IssuedTokens tokens(InitiateAuthResponse response) {
        var result = response.authenticationResult();
        if (result == null) {
            // A challenge (e.g. NEW_PASSWORD_REQUIRED for a user created with a temporary password).
            throw new SignInRefusedException(
                    "This account must first complete " + response.challengeNameAsString()
                            + ", which the back-office UI does not offer yet; ask an administrator.",
                    null);
        }
        return new IssuedTokens(result.accessToken(), result.expiresIn(), result.refreshToken());
    }
}
