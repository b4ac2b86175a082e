package io.badgeflow.accessstream.admission;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Admission in front of the decision endpoint, and the arrival time it counts each deadline from. */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    static final String DECISIONS = "/door-api/v1/doors/*/decisions";

    @Bean
    ShedRequests shedRequests(MeterRegistry meters) {
        return new ShedRequests(meters);
    }

    @Bean
    DecisionAdmission decisionAdmission(
            AccessStreamProperties properties, Clock clock, ShedRequests shed, MeterRegistry meters) {
        return new DecisionAdmission(properties.admission(), clock, shed, meters);
    }

    @Bean
    WebMvcConfigurer decisionAdmissionInterceptor(DecisionAdmission admission) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(admission).addPathPatterns(DECISIONS);
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> arrivalValve() {
        return factory -> factory.addContextValves(new ArrivalValve());
    }
}
