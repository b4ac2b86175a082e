package io.badgeflow.admin.aws;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.people.StaffDirectory;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The names of back-office users from the user pool, for "granted by" and "submitted by" on the screens. */
@Configuration(proxyBeanMethods = false)
class StaffDirectoryConfiguration {

    /** A renamed admin shows under the new name within this long. */
    static final Duration NAME_TTL = Duration.ofMinutes(10);

    @Bean
    StaffDirectory staffDirectory(CognitoIdentityProviderClient cognito, AdminServiceStack stack, Clock clock) {
        return new CognitoStaffDirectory(cognito, stack.userPoolId(), clock, NAME_TTL);
    }
}
