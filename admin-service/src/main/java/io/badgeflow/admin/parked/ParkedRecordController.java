package io.badgeflow.admin.parked;

import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.Paging;
import io.badgeflow.aws.parking.ParkedRecordStore;
import io.badgeflow.model.paging.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stream records access-stream's consumer parked because they can never be applied, newest first, for the
 * operators who run the platform (docs/operations.md, "Parked stream records"). Read only: a parked record is
 * evidence of a faulty reader or producer, fixed at the source, not here.
 */
@RestController
@RequestMapping("/api/v1/parked-records")
class ParkedRecordController {

    private final ParkedRecordStore parked;

    ParkedRecordController(ParkedRecordStore parked) {
        this.parked = parked;
    }

    @GetMapping
    @PreAuthorize(Roles.ADMIN_OR_OPERATOR)
    Page<ParkedRecordView> parkedRecords(
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size, @RequestParam(required = false) String cursor) {
        return Paging.map(parked.newest(Paging.request(size, cursor)), ParkedRecordView::of);
    }
}
