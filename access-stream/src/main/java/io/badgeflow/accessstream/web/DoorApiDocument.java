package io.badgeflow.accessstream.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The door API's OpenAPI document at {@code /v3/api-docs}. Everything access-stream serves to doors is under
 * {@code /door-api/}, the prefix the load balancer routes to it (compute.yaml's DoorApiRule).
 */
@Configuration(proxyBeanMethods = false)
class DoorApiDocument {

    @Bean
    OpenAPI doorApi() {
        return new OpenAPI()
                .info(new Info().title("Badgeflow door API").version("v1").description("""
                Door readers and turnstiles ask for entry decisions and report swipes, authenticated by the \
                door's device key in X-Door-Key."""));
    }
}
