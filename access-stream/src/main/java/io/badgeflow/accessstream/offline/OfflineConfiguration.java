package io.badgeflow.accessstream.offline;

import io.badgeflow.accessstream.decision.BackOfficeChanges;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.alarm.AlarmLedger;
import io.badgeflow.model.alarm.AlarmPublisher;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.door.DoorRegistry;
import io.badgeflow.model.offline.DoorListStatuses;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

    @Bean
    DoorListReports doorListReports(
            DoorListStatuses store,
            DoorRegistry doors,
            AlarmLedger ledger,
            AlarmPublisher publisher,
            Clock clock,
            OfflineProperties settings) {
        return new DoorListReports(store, doors, ledger, publisher, clock, settings);
    }

    /** Every door API request reports the door's list version (X-Allow-List-Version). */
    @Bean
    WebMvcConfigurer listVersionReports(DoorListReports reports) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ListVersionReports(reports)).addPathPatterns("/door-api/v1/doors/**");
            }
        };
    }
}
