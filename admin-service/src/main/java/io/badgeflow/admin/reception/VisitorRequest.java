package io.badgeflow.admin.reception;

import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.model.employee.Affiliation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/v1/reception/visitors}: who arrives, whose visitor they are (or which company a
 * contractor works for), which buildings, which days, and the badge handed out at the desk.
 *
 * @param kind VISITOR (the default) or CONTRACTOR
 * @param validFrom the first day; a visitor's defaults to today in the first building's time zone
 * @param validUntil the last day (inclusive); a visitor's defaults to {@code validFrom}, a contractor's is required
 * @param employeeNumber optional; a generated {@code V-<id>} or {@code C-<id>} otherwise
 */
record VisitorRequest(
        Affiliation.Kind kind,

        @NotBlank
        @Size(max = 128)
        @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
        String givenName,

        @NotBlank
        @Size(max = 128)
        @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
        String familyName,

        @Email @Size(max = 254) String email,

        @Size(max = 128) @Pattern(regexp = ApiPatterns.TEXT, message = ApiPatterns.TEXT_MESSAGE)
        String company,

        @Pattern(regexp = ApiPatterns.ID, message = ApiPatterns.ID_MESSAGE)
        String hostEmployeeId,

        // min = 1 on @Size too: springdoc reads @Size's default min (0) into minItems over @NotEmpty
        @NotEmpty @Size(min = 1, max = 20)
        List<@NotBlank @Pattern(regexp = ApiPatterns.ID, message = ApiPatterns.ID_MESSAGE) String> buildingIds,

        LocalDate validFrom,
        LocalDate validUntil,

        @NotBlank @Pattern(regexp = ApiPatterns.ID, message = ApiPatterns.ID_MESSAGE)
        String cardNumber,

        @Size(max = 64) @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
        String employeeNumber) {}
