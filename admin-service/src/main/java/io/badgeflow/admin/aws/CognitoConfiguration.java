package io.badgeflow.admin.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.session.HostedSignIn;
import io.badgeflow.admin.session.SignIn;
import io.badgeflow.admin.session.SignInRefusedException;
import io.badgeflow.admin.session.SsoProperties;
import io.badgeflow.admin.user.UserDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The Cognito client (configured from {@code spring.cloud.aws.*}), the UI's sign-in over the confidential app client, and
 * the staff users through the pool's admin API.
 */
@Configuration(proxyBeanMethods = false)
class CognitoConfiguration {

    @Bean
    CognitoIdentityProviderClient cognitoIdentityProviderClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(CognitoIdentityProviderClient.builder()).build();
    }

    // Lazy: made when sign-in (at start-up) first needs it, so a context whose sign-in is a stand-in calls no pool.
    @Bean
    @Lazy
    ClientSecretHash clientSecretHash(CognitoIdentityProviderClient cognito, AdminServiceStack stack) {
        // The app client is confidential: its secret is read once here (cognito-idp:DescribeUserPoolClient on
        // this pool only), kept in memory and never logged, output or written anywhere.
        var secret = cognito.describeUserPoolClient(
                        request -> request.userPoolId(stack.userPoolId()).clientId(stack.userPoolClientId()))
                .userPoolClient()
                .clientSecret();
        return new ClientSecretHash(stack.userPoolClientId(), secret);
    }

    @Bean
    SignIn signIn(CognitoIdentityProviderClient cognito, AdminServiceStack stack, ClientSecretHash secretHash) {
        return new CognitoSignIn(cognito, stack.userPoolClientId(), secretHash);
    }

    @Bean
    HostedSignIn hostedSignIn(AdminServiceStack stack, ClientSecretHash secretHash, SsoProperties sso) {
        if (sso.hostedSignInUrl() == null) {
            return (code, verifier, redirectUri) -> {
                throw new SignInRefusedException("Single sign-on is not configured.", null);
            };
        }
        return new CognitoHostedSignIn(sso.hostedSignInUrl(), stack.userPoolClientId(), secretHash);
    }

    @Bean
    UserDirectory userDirectory(CognitoIdentityProviderClient cognito, AdminServiceStack stack) {
        return new CognitoUserDirectory(cognito, stack.userPoolId());
    }
}
