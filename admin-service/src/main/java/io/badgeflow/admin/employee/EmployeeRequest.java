package io.badgeflow.admin.employee;

import io.badgeflow.admin.web.ApiPatterns;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/employees} and {@code PUT /api/v1/employees/{id}}: the person's data, whole. */
record EmployeeRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
        String employeeNumber,

        @NotBlank
        @Size(max = 128)
        @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
        String givenName,

        @NotBlank
        @Size(max = 128)
        @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
        String familyName,

        @NotBlank @Email @Size(max = 254) String email,

        @Size(max = 128) @Pattern(regexp = ApiPatterns.TEXT, message = ApiPatterns.TEXT_MESSAGE)
        String department) {}
