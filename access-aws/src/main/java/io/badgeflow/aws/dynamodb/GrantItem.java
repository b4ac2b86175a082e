package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.grant.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Row of the grants table, keyed employee + building so one query (strongly consistent) gives an employee's
 * grants; {@code byBuilding} gives a building's. The schedule is flattened into days and {@code HH:mm} times,
 * absent when the grant has none.
 */
@DynamoDbBean
public class GrantItem {

    static final TableSchema<GrantItem> SCHEMA = TableSchema.fromBean(GrantItem.class);
    static final String BY_BUILDING = "byBuilding";

    private String employeeId;
    private String buildingId;
    private List<String> days;
    private String from;
    private String until;
    private String validFrom;
    private String validUntil;
    private Instant grantedAt;
    private String grantedBy;
    private Long version;

    static GrantItem from(AccessGrant grant) {
        var item = new GrantItem();
        item.employeeId = grant.employeeId();
        item.buildingId = grant.buildingId();
        var schedule = grant.schedule();
        if (schedule != null) {
            item.days = schedule.days().stream().sorted().map(DayOfWeek::name).toList();
            item.from = schedule.from().toString();
            item.until = schedule.until().toString();
        }
        item.validFrom = grant.validFrom() == null ? null : grant.validFrom().toString();
        item.validUntil = grant.validUntil() == null ? null : grant.validUntil().toString();
        item.grantedAt = grant.grantedAt();
        item.grantedBy = grant.grantedBy();
        item.version = grant.version();
        return item;
    }

    AccessGrant toGrant() {
        var schedule = days == null || days.isEmpty()
                ? null
                : new Schedule(
                        days.stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                        LocalTime.parse(from),
                        LocalTime.parse(until));
        return new AccessGrant(
                employeeId,
                buildingId,
                schedule,
                validFrom == null ? null : LocalDate.parse(validFrom),
                validUntil == null ? null : LocalDate.parse(validUntil),
                grantedAt,
                grantedBy,
                version);
    }

    @DynamoDbPartitionKey
    @DynamoDbSecondarySortKey(indexNames = BY_BUILDING)
    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    @DynamoDbSortKey
    @DynamoDbSecondaryPartitionKey(indexNames = BY_BUILDING)
    public String getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(String buildingId) {
        this.buildingId = buildingId;
    }

    public List<String> getDays() {
        return days;
    }

    public void setDays(List<String> days) {
        this.days = days;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(String validFrom) {
        this.validFrom = validFrom;
    }

    public String getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(String validUntil) {
        this.validUntil = validUntil;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public void setGrantedAt(Instant grantedAt) {
        this.grantedAt = grantedAt;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public void setGrantedBy(String grantedBy) {
        this.grantedBy = grantedBy;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
