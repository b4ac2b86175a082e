package io.badgeflow.admin.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.command.CommandStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Staff users: admins only, each change audited, the last admin and one's own account protected. */
class UserApiTests extends ApiSliceTestSupport {

    private static final Instant CREATED = Instant.parse("2026-12-01T08:00:00Z");

    private static StaffUser user(String name, StaffRole role, boolean enabled) {
        return new StaffUser(name, "sub-" + name, name + "@example.com", role, "CONFIRMED", enabled, CREATED);
    }

    private static RequestPostProcessor signedInAdmin(String username) {
        return jwt().jwt(token -> token.subject("sub-" + username).claim("username", username))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    private List<AuditEntry> audited() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<AuditEntry>> entries = ArgumentCaptor.forClass(List.class);
        verify(auditTrail, org.mockito.Mockito.atLeast(0)).append(anyString(), entries.capture());
        return entries.getAllValues().stream().flatMap(List::stream).toList();
    }

    @Test
    void listsUsersWithRoleAndStatusForAdminsOnly() throws Exception {
        when(users.list()).thenReturn(List.of(user("boss", StaffRole.ADMIN, true), user("ops", null, false)));

        var listed = mvc.perform(get("/api/v1/users").with(admin())).andReturn().getResponse();
        var asOperator =
                mvc.perform(get("/api/v1/users").with(operator())).andReturn().getResponse();
        var asAuditor =
                mvc.perform(get("/api/v1/users").with(auditor())).andReturn().getResponse();

        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(listed.getContentAsString())
                .contains(
                        "\"username\":\"boss\"",
                        "\"role\":\"admin\"",
                        "\"status\":\"CONFIRMED\"",
                        "\"enabled\":true",
                        "\"userId\":\"sub-boss\"",
                        "\"enabled\":false");
        assertThat(asOperator.getStatus()).isEqualTo(403);
        assertThat(asAuditor.getStatus()).isEqualTo(403);
    }

    @Test
    void invitesByEmailWithARoleAndAuditsWhoInvitedWhomAsWhat() throws Exception {
        when(users.invite("new.person@example.com", StaffRole.OPERATOR))
                .thenReturn(new StaffUser(
                        "new.person@example.com",
                        "sub-new",
                        "new.person@example.com",
                        StaffRole.OPERATOR,
                        "FORCE_CHANGE_PASSWORD",
                        true,
                        CREATED));

        var response = mvc.perform(post("/api/v1/users")
                        .with(signedInAdmin("boss"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"New.Person@example.com\",\"role\":\"operator\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/users/new.person@example.com");
        assertThat(response.getContentAsString())
                .contains("\"status\":\"FORCE_CHANGE_PASSWORD\"")
                .doesNotContainIgnoringCase("password\":");
        assertThat(audited()).singleElement().satisfies(entry -> {
            assertThat(entry.commandType()).isEqualTo("InviteUser:operator");
            assertThat(entry.actor()).isEqualTo("sub-boss");
            assertThat(entry.subjectId()).isEqualTo("sub-new");
            assertThat(entry.status()).isEqualTo(CommandStatus.APPLIED);
            assertThat(entry.commandId()).startsWith("user:");
        });
    }

    @Test
    void refusesAnInviteWithABadEmailOrRoleAndAnExistingUserAs4xxProblems() throws Exception {
        when(users.invite(any(), any())).thenThrow(new UserConflictException("A user x exists already."));

        var bad = mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\",\"role\":\"root\"}"))
                .andReturn()
                .getResponse();
        var exists = mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"x@example.com\",\"role\":\"auditor\"}"))
                .andReturn()
                .getResponse();

        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("\"email\"", "\"role\"");
        assertThat(exists.getStatus()).isEqualTo(409);
        assertThat(exists.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        verify(auditTrail, never()).append(anyString(), anyList());
    }

    @Test
    void changesARoleOnceAndAuditsItButASecondIdenticalChangeRecordsNothing() throws Exception {
        when(users.find("ops"))
                .thenReturn(Optional.of(user("ops", StaffRole.OPERATOR, true)))
                .thenReturn(Optional.of(user("ops", StaffRole.AUDITOR, true)))
                .thenReturn(Optional.of(user("ops", StaffRole.AUDITOR, true)));

        var changed = mvc.perform(put("/api/v1/users/ops/role")
                        .with(signedInAdmin("boss"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"auditor\"}"))
                .andReturn()
                .getResponse();
        var again = mvc.perform(put("/api/v1/users/ops/role")
                        .with(signedInAdmin("boss"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"auditor\"}"))
                .andReturn()
                .getResponse();

        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getContentAsString()).contains("\"role\":\"auditor\"");
        assertThat(again.getStatus()).isEqualTo(200);
        verify(users).setRole("ops", StaffRole.AUDITOR);
        assertThat(audited()).singleElement().satisfies(entry -> {
            assertThat(entry.commandType()).isEqualTo("ChangeUserRole:auditor");
            assertThat(entry.subjectId()).isEqualTo("sub-ops");
        });
    }

    @Test
    void neverDemotesOrDisablesTheLastEnabledAdminNorLetsAnAdminDisableThemselves() throws Exception {
        var boss = user("boss", StaffRole.ADMIN, true);
        when(users.find("boss")).thenReturn(Optional.of(boss));
        when(users.find("BOSS")).thenReturn(Optional.of(boss));
        when(users.list()).thenReturn(List.of(boss, user("former", StaffRole.ADMIN, false)));

        var demoted = mvc.perform(put("/api/v1/users/boss/role")
                        .with(signedInAdmin("boss"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"operator\"}"))
                .andReturn()
                .getResponse();
        var disabledSelf = mvc.perform(post("/api/v1/users/BOSS/disable").with(signedInAdmin("boss")))
                .andReturn()
                .getResponse();
        var disabledByAnother = mvc.perform(post("/api/v1/users/boss/disable").with(signedInAdmin("exempt")))
                .andReturn()
                .getResponse();

        assertThat(demoted.getStatus()).isEqualTo(409);
        assertThat(demoted.getContentAsString()).contains("last enabled admin");
        assertThat(disabledSelf.getStatus()).isEqualTo(409);
        assertThat(disabledByAnother.getStatus()).isEqualTo(409);
        verify(users, never()).setRole(any(), any());
        verify(users, never()).disable(any());
        verify(auditTrail, never()).append(anyString(), anyList());
    }

    @Test
    void disablesAndReEnablesAUserAndAuditsBoth() throws Exception {
        when(users.find("ops"))
                .thenReturn(Optional.of(user("ops", StaffRole.OPERATOR, true)))
                .thenReturn(Optional.of(user("ops", StaffRole.OPERATOR, false)))
                .thenReturn(Optional.of(user("ops", StaffRole.OPERATOR, false)))
                .thenReturn(Optional.of(user("ops", StaffRole.OPERATOR, true)));

        var disabled = mvc.perform(post("/api/v1/users/ops/disable").with(signedInAdmin("boss")))
                .andReturn()
                .getResponse();
        var enabled = mvc.perform(post("/api/v1/users/ops/enable").with(signedInAdmin("boss")))
                .andReturn()
                .getResponse();

        assertThat(disabled.getStatus()).isEqualTo(200);
        assertThat(disabled.getContentAsString()).contains("\"enabled\":false");
        assertThat(enabled.getContentAsString()).contains("\"enabled\":true");
        verify(users).disable("ops");
        verify(users).enable("ops");
        assertThat(audited()).extracting(AuditEntry::commandType).containsExactly("DisableUser", "EnableUser");
    }

    @Test
    void answersAnUnknownUserWith404AndABadUsernameWith400() throws Exception {
        when(users.find("ghost")).thenReturn(Optional.empty());

        var unknown = mvc.perform(post("/api/v1/users/ghost/enable").with(admin()))
                .andReturn()
                .getResponse();
        var bad = mvc.perform(post("/api/v1/users/a b/enable").with(admin()))
                .andReturn()
                .getResponse();
        var operatorWrite = mvc.perform(post("/api/v1/users/ghost/enable").with(operator()))
                .andReturn()
                .getResponse();

        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(operatorWrite.getStatus()).isEqualTo(403);
    }
}
