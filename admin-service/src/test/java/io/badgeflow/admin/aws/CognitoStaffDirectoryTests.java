package io.badgeflow.admin.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** How a user is named on the screens, and which subjects cost no call to Cognito. */
class CognitoStaffDirectoryTests {

    @Test
    void namesAUserByNameThenGivenAndFamilyNameThenEmailThenUsername() {
        assertThat(CognitoStaffDirectory.displayName(user("grace", attr("name", "Grace Hopper"), attr("email", "g@x"))))
                .isEqualTo("Grace Hopper");
        assertThat(CognitoStaffDirectory.displayName(
                        user("grace", attr("given_name", "Grace"), attr("family_name", "Hopper"))))
                .isEqualTo("Grace Hopper");
        assertThat(CognitoStaffDirectory.displayName(user("grace", attr("email", "grace@example.com"))))
                .isEqualTo("grace@example.com");
        assertThat(CognitoStaffDirectory.displayName(user("grace", attr("name", " "))))
                .isEqualTo("grace");
    }

    @Test
    void asksNothingForSubjectsThatAreNoUser() {
        // no client: a call would fail the test with a NullPointerException
        var directory = new CognitoStaffDirectory(null, "us-east-1_test", Clock.systemUTC(), Duration.ofMinutes(1));

        assertThat(directory.displayNames(List.of("imports-bucket", "sub-admin-1")))
                .isEmpty();
    }

    private static UserType user(String username, AttributeType... attributes) {
        return UserType.builder().username(username).attributes(attributes).build();
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
