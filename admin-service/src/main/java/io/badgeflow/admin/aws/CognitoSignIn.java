package io.badgeflow.admin.aws;

import io.badgeflow.admin.session.SignIn;
import io.badgeflow.admin.session.SignInInputException;
import io.badgeflow.admin.session.SignInRefusedException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * Sign-in over the user pool's back-office app client, which is confidential: every InitiateAuth and
 * RespondToAuthChallenge carries its SECRET_HASH, RevokeToken its secret, so only this service can sign in with it
 * (decision 0019). InitiateAuth with USER_PASSWORD_AUTH and
 * REFRESH_TOKEN_AUTH, RespondToAuthChallenge for the challenges the UI completes, Associate/VerifySoftwareToken
 * for TOTP enrolment, RevokeToken at logout. Every password refusal reads the same, so the answer never says
 * whether a user exists (or is disabled). No session, token or code ever goes into a log or a message.
 */
final class CognitoSignIn implements SignIn {

    private static final String REFUSED = "Incorrect username or password.";
    static final String EXPIRED = "This sign-in has expired or was already completed. Sign in again.";
    private static final String WRONG_CODE = "The code is not right. Enter the current code of your authenticator app.";

    private final CognitoIdentityProviderClient cognito;
    private final String clientId;
    private final ClientSecretHash secretHash;

    CognitoSignIn(CognitoIdentityProviderClient cognito, String clientId, ClientSecretHash secretHash) {
        this.cognito = cognito;
        this.clientId = clientId;
        this.secretHash = secretHash;
    }

    @Override
    public SignInStep withPassword(String username, String password) {
        try {
            var response = cognito.initiateAuth(request -> request.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of(
                            "USERNAME", username, "PASSWORD", password, "SECRET_HASH", secretHash.of(username))));
            return step(response.authenticationResult(), response.challengeNameAsString(), response.session());
        } catch (NotAuthorizedException
                | UserNotFoundException
                | UserNotConfirmedException
                | PasswordResetRequiredException
                | InvalidParameterException refused) {
            throw new SignInRefusedException(REFUSED, refused);
        }
    }

    @Override
    public IssuedTokens withRefreshToken(String username, String refreshToken) {
        try {
            // The hash of a refresh is over the pool's username of the token's owner (not an alias it signed in
            // with): the access token's username claim, which the caller keeps beside the refresh token.
            var result = cognito.initiateAuth(request -> request.clientId(clientId)
                            .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                            .authParameters(
                                    Map.of("REFRESH_TOKEN", refreshToken, "SECRET_HASH", secretHash.of(username))))
                    .authenticationResult();
            if (result == null) {
                throw new SignInRefusedException("Your session has ended. Please sign in again.", null);
            }
            return tokens(result);
        } catch (NotAuthorizedException | UserNotFoundException | InvalidParameterException refused) {
            throw new SignInRefusedException("Your session has ended. Please sign in again.", refused);
        }
    }

    @Override
    public SignInStep newPassword(String username, String session, String newPassword) {
        try {
            return respond(
                    ChallengeNameType.NEW_PASSWORD_REQUIRED,
                    session,
                    Map.of("USERNAME", username, "NEW_PASSWORD", newPassword));
        } catch (InvalidPasswordException refused) {
            // The pool's policy, in the pool's words (they name what is missing, never the password).
            throw new SignInInputException(
                    "newPassword", refused.awsErrorDetails().errorMessage(), refused);
        }
    }

    @Override
    public SignInStep totpCode(String username, String session, String code) {
        try {
            return respond(
                    ChallengeNameType.SOFTWARE_TOKEN_MFA,
                    session,
                    Map.of("USERNAME", username, "SOFTWARE_TOKEN_MFA_CODE", code));
        } catch (CodeMismatchException | ExpiredCodeException wrong) {
            throw new SignInInputException("code", WRONG_CODE, wrong);
        }
    }

    @Override
    public TotpEnrolment enrolTotp(String session) {
        try {
            var response = cognito.associateSoftwareToken(request -> request.session(session));
            return new TotpEnrolment(response.secretCode(), response.session());
        } catch (NotAuthorizedException | InvalidParameterException expired) {
            throw new SignInRefusedException(EXPIRED, expired);
        }
    }

    @Override
    public TotpEnrolment enrolTotpWithAccessToken(String accessToken) {
        try {
            var response = cognito.associateSoftwareToken(request -> request.accessToken(accessToken));
            return new TotpEnrolment(response.secretCode(), null);
        } catch (NotAuthorizedException | InvalidParameterException expired) {
            throw new SignInRefusedException(EXPIRED, expired);
        }
    }

    @Override
    public SignInStep confirmTotp(String username, String session, String code) {
        String next;
        try {
            var verified = cognito.verifySoftwareToken(
                    request -> request.session(session).userCode(code).friendlyDeviceName("Badgeflow"));
            if (verified.status() != VerifySoftwareTokenResponseType.SUCCESS) {
                throw new SignInInputException("code", WRONG_CODE, null);
            }
            next = verified.session() != null ? verified.session() : session;
        } catch (EnableSoftwareTokenMfaException | CodeMismatchException | ExpiredCodeException wrong) {
            throw new SignInInputException("code", WRONG_CODE, wrong);
        } catch (NotAuthorizedException | InvalidParameterException expired) {
            throw new SignInRefusedException(EXPIRED, expired);
        }
        return respond(ChallengeNameType.MFA_SETUP, next, Map.of("USERNAME", username));
    }

    @Override
    public void confirmTotpWithAccessToken(String accessToken, String code) {
        try {
            var verified = cognito.verifySoftwareToken(
                    request -> request.accessToken(accessToken).userCode(code).friendlyDeviceName("Badgeflow"));
            if (verified.status() != VerifySoftwareTokenResponseType.SUCCESS) {
                throw new SignInInputException("code", WRONG_CODE, null);
            }
            // Verified is not yet in use: with the pool's MFA OPTIONAL, the user's preference turns it on.
            cognito.setUserMFAPreference(request -> request.accessToken(accessToken)
                    .softwareTokenMfaSettings(settings -> settings.enabled(true).preferredMfa(true)));
        } catch (EnableSoftwareTokenMfaException | CodeMismatchException | ExpiredCodeException wrong) {
            throw new SignInInputException("code", WRONG_CODE, wrong);
        } catch (NotAuthorizedException | InvalidParameterException expired) {
            throw new SignInRefusedException(EXPIRED, expired);
        }
    }

    @Override
    public boolean hasTotp(String accessToken) {
        var user = cognito.getUser(request -> request.accessToken(accessToken));
        return user.hasUserMFASettingList() && user.userMFASettingList().contains("SOFTWARE_TOKEN_MFA");
    }

    @Override
    public void revoke(String refreshToken) {
        cognito.revokeToken(request -> request.clientId(clientId)
                .clientSecret(secretHash.clientSecret())
                .token(refreshToken));
    }

    private SignInStep respond(ChallengeNameType challenge, String session, Map<String, String> answers) {
        var signed = new HashMap<>(answers);
        signed.put("SECRET_HASH", secretHash.of(answers.get("USERNAME")));
        try {
            var response = cognito.respondToAuthChallenge(request -> request.clientId(clientId)
                    .challengeName(challenge)
                    .session(session)
                    .challengeResponses(signed));
            return step(response.authenticationResult(), response.challengeNameAsString(), response.session());
        } catch (NotAuthorizedException | UserNotFoundException | InvalidParameterException expired) {
            // An expired or reused session, or a user disabled meanwhile: the sign-in starts over.
            throw new SignInRefusedException(EXPIRED, expired);
        }
    }

    private static SignInStep step(AuthenticationResultType result, String challenge, String session) {
        if (result != null) {
            return tokens(result);
        }
        var known = Arrays.stream(ChallengeName.values())
                .filter(name -> name.name().equals(challenge))
                .findFirst();
        if (known.isEmpty() || session == null) {
            throw new SignInRefusedException(
                    "This account must first complete " + challenge
                            + ", which the back-office UI does not offer; ask an administrator.",
                    null);
        }
        return new Challenge(known.get(), session);
    }

    private static IssuedTokens tokens(AuthenticationResultType result) {
        return new IssuedTokens(result.accessToken(), result.expiresIn(), result.refreshToken());
    }
}
