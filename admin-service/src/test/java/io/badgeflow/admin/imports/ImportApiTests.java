package io.badgeflow.admin.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.onboarding.FieldChange;
import io.badgeflow.model.onboarding.ImportId;
import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.onboarding.ImportSummary;
import io.badgeflow.model.onboarding.KnownPerson;
import io.badgeflow.model.onboarding.OnboardingRow;
import io.badgeflow.model.onboarding.PlanAction;
import io.badgeflow.model.onboarding.PlanCounts;
import io.badgeflow.model.onboarding.PlanRow;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads are stored under a fresh import id and answered 202 with the import to follow; card-events plans them.
 * Progress and the plan are the ledger's, PENDING while only the file exists; applying a plan writes its
 * confirmation, within the safety limit or with an audited override; the plan and the report stream as CSV.
 */
class ImportApiTests extends ApiSliceTestSupport {

    private static final byte[] CSV = """
            employee number,given name,family name,email
            E-1,Ada,Lovelace,ada@example.com
            """.getBytes(StandardCharsets.UTF_8);
    private static final String IMPORT_ID = ImportId.of(CSV);
    private static final String FINGERPRINT = "0123456789abcdef0123456789abcdef";
    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    @Test
    void storesACsvBodyUnderAFreshImportIdWithItsUploaderAndAnswersWithTheImportsLocation() throws Exception {
        when(importFiles.store(anyString(), eq(CSV), eq(ADMIN_SUBJECT), isNull(), eq(false)))
                .thenReturn(true);

        var answer = mvc.perform(post("/api/v1/imports")
                        .with(admin())
                        .contentType("text/csv; charset=utf-8")
                        .content(CSV))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.importId").value(matchesPattern("[0-9a-f]{32}")))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.alreadyUploaded").value(false))
                .andReturn();
        var importId = JsonMapper.shared()
                .readTree(answer.getResponse().getContentAsString())
                .get("importId")
                .asString();

        assertThat(answer.getResponse().getHeader("Location")).isEqualTo("/api/v1/imports/" + importId);
        verify(importFiles).store(importId, CSV, ADMIN_SUBJECT, null, false);
    }

    @Test
    void takesABrowsersFormUploadMarkedAsAFullExportAsANewImportEachTime() throws Exception {
        when(importFiles.store(anyString(), eq(CSV), eq(ADMIN_SUBJECT), eq("hr.csv"), eq(true)))
                .thenReturn(true);

        for (var i = 0; i < 2; i++) {
            mvc.perform(multipart("/api/v1/imports")
                            .file(new MockMultipartFile("file", "hr.csv", "text/csv", CSV))
                            .param("fullExport", "true")
                            .with(admin()))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.status").value("PENDING"));
        }

        var ids = org.mockito.ArgumentCaptor.forClass(String.class);
        verify(importFiles, org.mockito.Mockito.times(2))
                .store(ids.capture(), eq(CSV), eq(ADMIN_SUBJECT), eq("hr.csv"), eq(true));
        assertThat(ids.getAllValues().get(0)).isNotEqualTo(ids.getAllValues().get(1));
    }

    @Test
    void showsAPlannedImportWithWhatItsPlanWouldDo() throws Exception {
        when(importLedger.find(IMPORT_ID))
                .thenReturn(Optional.of(planned(new PlanCounts(2, 1, 1, 5, 1, 9, 0, true, FINGERPRINT))));

        mvc.perform(get("/api/v1/imports/" + IMPORT_ID).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.plan.create").value(2))
                .andExpect(jsonPath("$.plan.update").value(1))
                .andExpect(jsonPath("$.plan.offboard").value(1))
                .andExpect(jsonPath("$.plan.unchanged").value(5))
                .andExpect(jsonPath("$.plan.rejected").value(1))
                .andExpect(jsonPath("$.plan.limitExceeded").value(true))
                .andExpect(jsonPath("$.plan.fullExport").value(true))
                .andExpect(jsonPath("$.plan.fingerprint").value(FINGERPRINT))
                .andExpect(jsonPath("$.planUrl").value("/api/v1/imports/" + IMPORT_ID + "/plan"))
                .andExpect(jsonPath("$.planCsvUrl").value("/api/v1/imports/" + IMPORT_ID + "/plan/csv"));
    }

    @Test
    void pagesThePlansRowsByActionNamingEachPersonAndTheirChanges() throws Exception {
        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.of(planned(counts(0))));
        var update = new PlanRow(
                1,
                PlanAction.UPDATE,
                "E-1",
                "Ada",
                "Lovelace",
                "emp-1",
                List.of(new FieldChange("email", "a@x.io", "ada@x.io")),
                null,
                null,
                new OnboardingRow(1, "E-1", "Ada", "Lovelace", "ada@x.io", null, List.of(), null, null),
                new KnownPerson(
                        "emp-1",
                        "E-1",
                        "Ada",
                        "Lovelace",
                        "a@x.io",
                        null,
                        EmployeeStatus.ACTIVE,
                        3,
                        null,
                        null,
                        null,
                        null,
                        null));
        var unchanged =
                new PlanRow(2, PlanAction.UNCHANGED, "E-2", "Bob", "Byte", "emp-2", List.of(), null, null, null, null);
        var offboard = new PlanRow(
                0, PlanAction.OFFBOARD, "E-3", "Cy", "Gone", "emp-3", List.of(), null, null, null, update.known());
        when(importLedger.plan(IMPORT_ID)).thenReturn(List.of(update, unchanged, offboard));

        mvc.perform(get("/api/v1/imports/" + IMPORT_ID + "/plan")
                        .param("size", "2")
                        .with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].action").value("UPDATE"))
                .andExpect(jsonPath("$.items[0].employeeNumber").value("E-1"))
                .andExpect(jsonPath("$.items[0].givenName").value("Ada"))
                .andExpect(jsonPath("$.items[0].changes[0].field").value("email"))
                .andExpect(jsonPath("$.items[0].changes[0].from").value("a@x.io"))
                .andExpect(jsonPath("$.items[0].changes[0].to").value("ada@x.io"))
                .andExpect(jsonPath("$.next").value("2"));
        mvc.perform(get("/api/v1/imports/" + IMPORT_ID + "/plan")
                        .param("action", "OFFBOARD")
                        .with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].employeeNumber").value("E-3"))
                .andExpect(jsonPath("$.items[0].row").doesNotExist())
                .andExpect(jsonPath("$.next").doesNotExist());
        mvc.perform(get("/api/v1/imports/" + IMPORT_ID + "/plan")
                        .param("action", "SOMETHING")
                        .with(auditor()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void appliesAPlanWithinTheLimitByWritingItsConfirmation() throws Exception {
        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.of(planned(counts(1))));

        mvc.perform(post("/api/v1/imports/" + IMPORT_ID + "/apply")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"" + FINGERPRINT + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/imports/" + IMPORT_ID));

        verify(importFiles).confirm(IMPORT_ID, FINGERPRINT, ADMIN_SUBJECT, false, null);
        verify(auditTrail, never()).append(anyString(), any());
    }

    @Test
    void refusesAStaleFingerprintAnImportNotPlannedAndAPlanOverTheLimitWithoutOverride() throws Exception {
        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.of(planned(counts(1))));
        mvc.perform(post("/api/v1/imports/" + IMPORT_ID + "/apply")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"" + "f".repeat(32) + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(FINGERPRINT)));

        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.of(planned(counts(5))));
        mvc.perform(post("/api/v1/imports/" + IMPORT_ID + "/apply")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"" + FINGERPRINT + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("safety limit")));
        mvc.perform(post("/api/v1/imports/" + IMPORT_ID + "/apply")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"" + FINGERPRINT + "\",\"overrideSafetyLimit\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());

        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.of(summary(ImportStatus.COMPLETED, null, null)));
        mvc.perform(post("/api/v1/imports/" + IMPORT_ID + "/apply")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"" + FINGERPRINT + "\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/imports/" + IMPORT_ID + "/apply")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"" + FINGERPRINT + "\"}"))
                .andExpect(status().isForbidden());

        verify(importFiles, never()).confirm(anyString(), anyString(), anyString(), anyBoolean(), any());
    }

    @Test
    void anOverrideOfTheLimitIsRecordedInTheAdminAuditTrailBeforeTheConfirmation() throws Exception {
        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.of(planned(counts(5))));

        mvc.perform(post("/api/v1/imports/" + IMPORT_ID + "/apply")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"" + FINGERPRINT
                                + "\",\"overrideSafetyLimit\":true,\"reason\":\"site closed\"}"))
                .andExpect(status().isAccepted());

        org.mockito.ArgumentCaptor<List<AuditEntry>> entries = org.mockito.ArgumentCaptor.captor();
        var order = org.mockito.Mockito.inOrder(auditTrail, importFiles);
        order.verify(auditTrail).append(eq("import-override:" + IMPORT_ID + ":" + FINGERPRINT), entries.capture());
        order.verify(importFiles).confirm(IMPORT_ID, FINGERPRINT, ADMIN_SUBJECT, true, "site closed");
        var entry = entries.getValue().getFirst();
        assertThat(entry.commandType()).isEqualTo("OverrideImportSafetyLimit:offboard=5,limit=1");
        assertThat(entry.actor()).isEqualTo(ADMIN_SUBJECT);
        assertThat(entry.subjectId()).isEqualTo(IMPORT_ID);
    }

    @Test
    void refusesAnEmptyFileAndOneThatIsNotUtf8TextNamingTheFile() throws Exception {
        var latin1 = "employee number,given name\nE-1,Zo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1);

        for (var body : new byte[][] {new byte[0], latin1}) {
            mvc.perform(post("/api/v1/imports")
                            .with(admin())
                            .contentType(TEXT_CSV)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.file").exists());
        }
        mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", "hr.csv", "text/csv", latin1))
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value("file is not UTF-8 text; export the CSV as UTF-8"));
        mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("other", "hr.csv", "text/csv", CSV))
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").exists());

        verify(importFiles, never()).store(anyString(), any(), anyString(), any(), anyBoolean());
    }

    @Test
    void refusesAFileLargerThanTheLimitWithContentTooLarge() throws Exception {
        var large = "a".repeat(MAX_IMPORT_BYTES + 1).getBytes(StandardCharsets.UTF_8);

        mvc.perform(post("/api/v1/imports").with(admin()).contentType(TEXT_CSV).content(large))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", "hr.csv", "text/csv", large))
                        .with(admin()))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/imports")
                        .with(admin())
                        .contentType(TEXT_CSV)
                        .content("a".repeat(MAX_IMPORT_BYTES).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted());

        verify(importFiles, never()).store(anyString(), eq(large), anyString(), any(), anyBoolean());
    }

    @Test
    void refusesABodyOfAnotherMediaType() throws Exception {
        mvc.perform(post("/api/v1/imports")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void keepsTheLastSegmentOfAnUploadedFilesNameWithoutControlCharactersCutTo255() {
        assertThat(ImportController.fileName("C:\\Users\\hr\\März 2027.csv")).isEqualTo("März 2027.csv");
        assertThat(ImportController.fileName("/tmp/staff\u0007.csv")).isEqualTo("staff.csv");
        assertThat(ImportController.fileName("a".repeat(300) + ".csv")).hasSize(255);
        assertThat(ImportController.fileName("  ")).isNull();
        assertThat(ImportController.fileName(null)).isNull();
    }

    @Test
    void listsImportsNewestFirstWithCountsFileNameAndTheUploadersName() throws Exception {
        var newest = summary(ImportStatus.COMPLETED, null, "imports/" + IMPORT_ID + "/report.csv");
        var older = new ImportSummary(
                "f".repeat(32),
                "imports/" + "f".repeat(32) + ".csv",
                ImportStatus.REJECTED,
                0,
                0,
                0,
                Examples.AT.minusSeconds(3600),
                Examples.AT.minusSeconds(3600),
                "not a CSV file",
                null,
                "imports-bucket",
                null,
                null,
                null,
                null,
                null,
                false);
        when(importLedger.recent(new PageRequest(20, null))).thenReturn(new Page<>(List.of(newest, older), "more"));
        when(staff.displayNames(List.of(ADMIN_SUBJECT, "imports-bucket")))
                .thenReturn(Map.of(ADMIN_SUBJECT, "Grace Hopper"));

        mvc.perform(get("/api/v1/imports").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].importId").value(IMPORT_ID))
                .andExpect(jsonPath("$.items[0].status").value("COMPLETED"))
                .andExpect(jsonPath("$.items[0].applied").value(2))
                .andExpect(jsonPath("$.items[0].rejected").value(1))
                .andExpect(jsonPath("$.items[0].fileName").value("staff.csv"))
                .andExpect(jsonPath("$.items[0].uploadedBy").value(ADMIN_SUBJECT))
                .andExpect(jsonPath("$.items[0].uploadedByName").value("Grace Hopper"))
                .andExpect(jsonPath("$.items[0].reportUrl").value("/api/v1/imports/" + IMPORT_ID + "/report"))
                .andExpect(jsonPath("$.items[1].status").value("REJECTED"))
                .andExpect(jsonPath("$.items[1].reason").value("not a CSV file"))
                .andExpect(jsonPath("$.items[1].uploadedBy").value("imports-bucket"))
                .andExpect(jsonPath("$.items[1].uploadedByName").doesNotExist())
                .andExpect(jsonPath("$.next").value("more"));
    }

    @Test
    void pagesTheListOfImportsAndRefusesABadPageSize() throws Exception {
        when(importLedger.recent(new PageRequest(5, "cursor-1"))).thenReturn(Page.empty());

        mvc.perform(get("/api/v1/imports")
                        .param("size", "5")
                        .param("cursor", "cursor-1")
                        .with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/api/v1/imports").param("size", "0").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void showsACompletedImportWithItsCountsAndTheLinkToItsReport() throws Exception {
        when(importLedger.find(IMPORT_ID))
                .thenReturn(Optional.of(summary(ImportStatus.COMPLETED, null, "imports/" + IMPORT_ID + "/report.csv")));

        mvc.perform(get("/api/v1/imports/" + IMPORT_ID).with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.rowsTotal").value(3))
                .andExpect(jsonPath("$.applied").value(2))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.startedAt").value("2025-03-01T09:00:00Z"))
                .andExpect(jsonPath("$.finishedAt").value("2025-03-01T09:01:00Z"))
                .andExpect(jsonPath("$.reportUrl").value("/api/v1/imports/" + IMPORT_ID + "/report"));
    }

    @Test
    void showsARejectedFileWithItsReasonAndNoReport() throws Exception {
        when(importLedger.find(IMPORT_ID))
                .thenReturn(Optional.of(summary(ImportStatus.REJECTED, "the header row lacks email", null)));

        mvc.perform(get("/api/v1/imports/" + IMPORT_ID).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value("the header row lacks email"))
                .andExpect(jsonPath("$.reportUrl").doesNotExist());
    }

    @Test
    void showsAStoredFileThatCardEventsHasNotStartedOnAsPending() throws Exception {
        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.empty());
        when(importFiles.exists(IMPORT_ID)).thenReturn(true);

        mvc.perform(get("/api/v1/imports/" + IMPORT_ID).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.objectKey").value("imports/" + IMPORT_ID + ".csv"));
    }

    @Test
    void answersAnUnknownImportWithNotFoundAndAMalformedIdWithBadRequest() throws Exception {
        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/imports/" + IMPORT_ID).with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        for (var malformed : new String[] {IMPORT_ID.toUpperCase(), IMPORT_ID.substring(1), "hr-2026.csv"}) {
            mvc.perform(get("/api/v1/imports/" + malformed).with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.importId").exists());
            mvc.perform(get("/api/v1/imports/" + malformed + "/report").with(admin()))
                    .andExpect(status().isBadRequest());
        }
    }

    @Test
    void streamsTheReportAsACsvAttachment() throws Exception {
        var report = "row,status,reason,message,employeeId\n1,APPLIED,,,emp-1\n".getBytes(StandardCharsets.UTF_8);
        var key = "imports/" + IMPORT_ID + "/report.csv";
        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.of(summary(ImportStatus.COMPLETED, null, key)));
        when(importFiles.report(key))
                .thenReturn(
                        Optional.of(new ImportFiles.Download(new ByteArrayInputStream(report), (long) report.length)));

        mvc.perform(get("/api/v1/imports/" + IMPORT_ID + "/report").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"import-" + IMPORT_ID + "-report.csv\""))
                .andExpect(header().longValue("Content-Length", report.length))
                .andExpect(content().bytes(report));
    }

    @Test
    void answersAReportThatIsNotThereYetOrAnyMoreWithNotFound() throws Exception {
        var key = "imports/" + IMPORT_ID + "/report.csv";
        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.of(summary(ImportStatus.RUNNING, null, null)));

        mvc.perform(get("/api/v1/imports/" + IMPORT_ID + "/report").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        when(importLedger.find(IMPORT_ID)).thenReturn(Optional.of(summary(ImportStatus.COMPLETED, null, key)));
        when(importFiles.report(key)).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/imports/" + IMPORT_ID + "/report").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void letsOnlyAdminsUpload() throws Exception {
        mvc.perform(post("/api/v1/imports")
                        .with(operator())
                        .contentType(TEXT_CSV)
                        .content(CSV))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/imports")
                        .with(auditor())
                        .contentType(TEXT_CSV)
                        .content(CSV))
                .andExpect(status().isForbidden());

        verify(importFiles, never()).store(anyString(), any(), anyString(), any(), anyBoolean());
    }

    private static ImportSummary summary(ImportStatus status, String reason, String reportKey) {
        var finished = status == ImportStatus.RUNNING ? null : Examples.AT.plusSeconds(60);
        return new ImportSummary(
                IMPORT_ID,
                "imports/" + IMPORT_ID + ".csv",
                status,
                3,
                2,
                1,
                Examples.AT,
                finished,
                reason,
                reportKey,
                ADMIN_SUBJECT,
                "staff.csv",
                null,
                null,
                null,
                null,
                false);
    }

    private static PlanCounts counts(int offboard) {
        return new PlanCounts(1, 1, offboard, 3, 0, 10, 1, true, FINGERPRINT);
    }

    private static ImportSummary planned(PlanCounts counts) {
        return new ImportSummary(
                IMPORT_ID,
                "imports/" + IMPORT_ID + ".csv",
                ImportStatus.PLANNED,
                7,
                0,
                0,
                Examples.AT,
                null,
                null,
                null,
                ADMIN_SUBJECT,
                "staff.csv",
                counts,
                "imports/" + IMPORT_ID + "/plan.csv",
                null,
                null,
                false);
    }
}
