package io.badgeflow.admin.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.admin.session.SignIn;
import io.badgeflow.admin.session.SignInRefusedException;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.RestartableEmulator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * The back-office app client of the identity stack is confidential, so nobody signs in to the pool directly with
 * its id (past admin-service's MFA-for-admins rule, decision 0019): against a pool deployed from the template on an
 * emulator that checks SECRET_HASH as AWS does ({@code AUTH=true}; the shared emulator leaves that off), a
 * password or refresh sign-in without the hash, or with a wrong one, is refused, while {@link CognitoSignIn} with
 * the secret read by DescribeUserPoolClient walks the first sign-in, refreshes and revokes.
 */
class SignInSecretHashIntegrationTests {

    private static final String TEMPORARY = "Itest-temp-" + UUID.randomUUID() + "-Aa1!";
    private static final String PASSWORD = "Itest-" + UUID.randomUUID() + "-Aa1!";

    private static RestartableEmulator emulator;
    private static CognitoIdentityProviderClient cognito;
    private static String pool;
    private static String clientId;

    @BeforeAll
    static void deployTheIdentityStackOnAnEnforcingEmulator() {
        emulator = RestartableEmulator.startEnforcing("keys,identity");
        var aws = emulator.environment();
        cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
        pool = aws.output("UserPoolId");
        clientId = aws.output("UserPoolClientId");
    }

    @AfterAll
    static void stop() {
        if (cognito != null) {
            cognito.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void thePoolRefusesAPasswordSignInWithTheClientIdAlone() {
        var user = permanentUser();

        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", user, "PASSWORD", PASSWORD))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("SECRET_HASH was not received");
        var wrong = new ClientSecretHash(clientId, "not-the-secret");
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", user, "PASSWORD", PASSWORD, "SECRET_HASH", wrong.of(user)))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Unable to verify secret hash");
    }

    @Test
    void adminServiceWalksTheFirstSignInRefreshesOnlyWithTheHashAndRevokes() {
        var user = "itest-" + UUID.randomUUID();
        cognito.adminCreateUser(
                r -> r.userPoolId(pool).username(user).messageAction("SUPPRESS").temporaryPassword(TEMPORARY));
        var signIn = new CognitoSignIn(cognito, clientId, new ClientSecretHash(clientId, secret()));

        var challenge = (SignIn.Challenge) signIn.withPassword(user, TEMPORARY);
        assertThat(challenge.name()).isEqualTo(SignIn.ChallengeName.NEW_PASSWORD_REQUIRED);
        var tokens = (SignIn.IssuedTokens) signIn.newPassword(user, challenge.session(), PASSWORD);
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();

        // The refresh token alone, with the client id, is no way in either.
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(clientId)
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("SECRET_HASH was not received");
        assertThat(signIn.withRefreshToken(user, tokens.refreshToken()).accessToken())
                .isNotBlank();

        signIn.revoke(tokens.refreshToken());
        assertThatThrownBy(() -> signIn.withRefreshToken(user, tokens.refreshToken()))
                .isInstanceOf(SignInRefusedException.class);
    }

    private static String permanentUser() {
        var user = "itest-" + UUID.randomUUID();
        cognito.adminCreateUser(
                r -> r.userPoolId(pool).username(user).messageAction("SUPPRESS").temporaryPassword(TEMPORARY));
        cognito.adminSetUserPassword(
                r -> r.userPoolId(pool).username(user).password(PASSWORD).permanent(true));
        return user;
    }

    private static String secret() {
        return cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(clientId))
                .userPoolClient()
                .clientSecret();
    }
}
