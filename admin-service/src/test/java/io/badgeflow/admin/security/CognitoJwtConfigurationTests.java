package io.badgeflow.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The issuer and the keys' address follow from the user pool id alone, plus the endpoint on the emulator. */
class CognitoJwtConfigurationTests {

    @Test
    void theIssuerIsCognitoInThePoolsRegion() {
        assertThat(CognitoJwtConfiguration.issuer("eu-west-1_AbCd3fGh1"))
                .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCd3fGh1");
    }

    @Test
    void onAwsTheKeysAreUnderTheIssuer() {
        assertThat(CognitoJwtConfiguration.jwkSetUri("us-east-1_Pool", ""))
                .isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool/.well-known/jwks.json");
    }

    @Test
    void withAnEndpointTheKeysAreWhereTheEmulatorServesThem() {
        assertThat(CognitoJwtConfiguration.jwkSetUri("us-east-1_Pool", "http://127.0.0.1:4566/"))
                .isEqualTo("http://127.0.0.1:4566/us-east-1_Pool/.well-known/jwks.json");
    }
}
