package io.badgeflow.admin.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How SCIM request bodies and filters are read: what Okta and Entra ID send, and what is refused. */
class ScimRequestsTests {

    private static final ScimUser GRACE =
            new ScimUser("E-1", "Grace", "Hopper", "grace@example.com", "Navy", "ext-1", true);

    @Test
    void readsAUserWithThePrimaryEmailAndTheEnterpriseDepartment() {
        var user =
                ScimUser.from(json("{\"userName\":\"E-1\",\"name\":{\"givenName\":\"Grace\",\"familyName\":\"Hopper\"},"
                        + "\"emails\":[{\"value\":\"home@example.com\",\"type\":\"home\"},{\"value\":\"grace@example.com\",\"primary\":true}],"
                        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Navy\"},"
                        + "\"phoneNumbers\":[{\"value\":\"+1\"}]}"));

        assertThat(user).isEqualTo(new ScimUser("E-1", "Grace", "Hopper", "grace@example.com", "Navy", null, true));
    }

    @Test
    void refusesAUserWithoutWhatAnEmployeeNeeds() {
        assertThatThrownBy(() -> ScimUser.from(json("{\"userName\":\"E-1\",\"emails\":[{\"value\":\"a@b.co\"}]}")))
                .isInstanceOfSatisfying(
                        ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void appliesEntraStylePatchOperations() {
        var patched = ScimPatch.from(json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"},"
                        + "{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"g@example.com\"},"
                        + "{\"op\":\"Remove\",\"path\":\"externalId\"}]}"))
                .applyTo(GRACE);

        assertThat(patched).isEqualTo(new ScimUser("E-1", "Grace", "Hopper", "g@example.com", "Navy", null, false));
    }

    @Test
    void appliesAPatchWithoutPathToTheNamedAttributes() {
        var patched = ScimPatch.from(json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"name.familyName\":\"Murray\","
                        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\":\"Math\"}}]}"))
                .applyTo(GRACE);

        assertThat(patched.familyName()).isEqualTo("Murray");
        assertThat(patched.department()).isEqualTo("Math");
    }

    @Test
    void refusesAnUnknownPathAndRemovingARequiredAttribute() {
        assertThatThrownBy(() -> ScimPatch.from(json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}"))
                        .applyTo(GRACE))
                .isInstanceOfSatisfying(
                        ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidPath"));
        assertThatThrownBy(() -> ScimPatch.from(json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + "\"Operations\":[{\"op\":\"remove\",\"path\":\"userName\"}]}"))
                        .applyTo(GRACE))
                .isInstanceOfSatisfying(
                        ScimException.class, e -> assertThat(e.scimType()).isEqualTo("mutability"));
        assertThatThrownBy(() -> ScimPatch.from(json("{\"Operations\":[{\"op\":\"remove\",\"path\":\"externalId\"}]}")))
                .isInstanceOfSatisfying(
                        ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
    }

    @Test
    void readsTheTwoEqualityFiltersAndRefusesTheRest() {
        assertThat(ScimFilter.parse("username EQ \"E-\\\"1\\\"\"", List.of("userName", "externalId")))
                .isEqualTo(new ScimFilter("userName", "E-\"1\""));
        assertThat(ScimFilter.parse("externalId eq \"abc\"", List.of("userName", "externalId")))
                .isEqualTo(new ScimFilter("externalId", "abc"));
        for (var filter : List.of(
                "userName co \"E\"",
                "emails.value eq \"a@b.co\"",
                "userName eq \"a\" or userName eq \"b\"",
                "userName")) {
            assertThatThrownBy(() -> ScimFilter.parse(filter, List.of("userName", "externalId")))
                    .as(filter)
                    .isInstanceOfSatisfying(
                            ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
        }
    }

    private static tools.jackson.databind.JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
