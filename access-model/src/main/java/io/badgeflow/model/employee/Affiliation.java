package io.badgeflow.model.employee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.badgeflow.model.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Who a person is to the organisation: an employee, a visitor (on a host's invitation, for some days) or a
 * contractor (of a company, until an end date). The days are local dates read in the time zone of the building
 * being entered, inclusive at both ends, as a grant's dates are: a visit "on 8 December" lets the visitor in from
 * midnight to midnight where the door is, and a contractor ending on 31 January is let in on that day and refused
 * from the next one, without anyone acting.
 *
 * @param company the visitor's company (optional) or the contractor's (required); null for an employee
 * @param hostEmployeeId the employee a visitor belongs to (required); optional for a contractor, null for an employee
 * @param validFrom the first day (required for a visitor, optional for a contractor, null for an employee)
 * @param validUntil the last day: the visit's end, the contractor's end date (both required); null for an employee
 */
public record Affiliation(Kind kind, String company, String hostEmployeeId, LocalDate validFrom, LocalDate validUntil) {

    /** Longest visit one registration may cover; longer stays are contractors, with an end date of their own. */
    public static final int MAX_VISIT_DAYS = 31;

    /** The affiliation of everyone registered as an employee, and of every record written before there were others. */
    public static final Affiliation EMPLOYEE = new Affiliation(Kind.EMPLOYEE, null, null, null, null);

    public enum Kind {
        EMPLOYEE,
        VISITOR,
        CONTRACTOR
    }

    public Affiliation {
        Objects.requireNonNull(kind, "kind");
        company = company == null || company.isBlank() ? null : company.strip();
        switch (kind) {
            case EMPLOYEE -> {
                if (company != null || hostEmployeeId != null || validFrom != null || validUntil != null) {
                    throw new IllegalArgumentException("an employee has no company, host or end date");
                }
            }
            case VISITOR -> {
                if (hostEmployeeId == null) {
                    throw new InvalidFieldException("hostEmployeeId", "a visitor has a host");
                }
                if (validFrom == null || validUntil == null) {
                    throw new InvalidFieldException("validFrom", "a visit has a first and a last day");
                }
                if (ChronoUnit.DAYS.between(validFrom, validUntil) >= MAX_VISIT_DAYS) {
                    throw new InvalidFieldException(
                            "validUntil", "a visit covers at most " + MAX_VISIT_DAYS + " days; register a contractor");
                }
            }
            case CONTRACTOR -> {
                if (company == null) {
                    throw new InvalidFieldException("company", "a contractor works for a company");
                }
                if (validUntil == null) {
                    throw new InvalidFieldException("validUntil", "a contractor has an end date");
                }
            }
        }
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidFieldException("validUntil", "must not be before validFrom");
        }
    }

    public static Affiliation visitor(String hostEmployeeId, String company, LocalDate from, LocalDate until) {
        return new Affiliation(Kind.VISITOR, company, hostEmployeeId, from, until);
    }

    public static Affiliation contractor(String company, String hostEmployeeId, LocalDate from, LocalDate endsOn) {
        return new Affiliation(Kind.CONTRACTOR, company, hostEmployeeId, from, endsOn);
    }

    @JsonIgnore // derived from kind; not a field of the command documents that carry an affiliation
    public boolean isEmployee() {
        return kind == Kind.EMPLOYEE;
    }

    /** Whether {@code moment}'s local date in the building's {@code zone} lies within the days (an employee: always). */
    public boolean isInForceAt(Instant moment, ZoneId zone) {
        return isInForceOn(moment.atZone(zone).toLocalDate());
    }

    /** Whether the days have not ended by {@code moment}'s local date: some moment from then on is in force. */
    public boolean isInForceAtOrAfter(Instant moment, ZoneId zone) {
        return validUntil == null || !moment.atZone(zone).toLocalDate().isAfter(validUntil);
    }

    /** Whether {@code date} lies within the days, both ends included; what reception calls "expected". */
    public boolean isInForceOn(LocalDate date) {
        return !(validFrom != null && date.isBefore(validFrom) || validUntil != null && date.isAfter(validUntil));
    }
}
