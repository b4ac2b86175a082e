package io.badgeflow.accessstream.offline;

import io.badgeflow.accessstream.decision.BackOfficeChanges;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The doors' offline allow-lists: only where the door API is served. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OfflineConfiguration {

    /** {@code place} is the decision path's remembered back office (primary), forgotten by the command feed. */
    @Bean
    DoorAllowLists doorAllowLists(
            AccessFacts place,
            BackOfficeDirectory directory,
            BackOfficeChanges changes,
            AllowListSigner signer,
            Clock clock,
            OfflineProperties settings) {
        return new DoorAllowLists(place, new BuildingCandidates(directory), changes, signer, clock, settings);
    }
}
