package io.badgeflow.accessstream.web;

import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The door API's OpenAPI document at {@code /v3/api-docs}. Everything access-stream serves to doors is under
 * {@code /door-api/}, the prefix the load balancer routes to it (compute.yaml's DoorApiRule).
 *
 * <p>springdoc finds the operations from the controllers; what it cannot see (the key as a security scheme, the
 * id patterns and the body limit, every status the advice answers with its problem document) is written once in
 * {@code openapi/door-api.yaml} and replaces the generated operations. Should the two ever name different paths,
 * the document is refused rather than served half true.
 */
@Configuration(proxyBeanMethods = false)
class DoorApiDocument {

    static final String OPERATIONS = "openapi/door-api.yaml";

    @Bean
    OpenAPI doorApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Badgeflow door API")
                        .version("v1")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0"))
                        .description("""
                Door readers and turnstiles ask for entry decisions and report swipes, authenticated by the \
                door's device key in X-Door-Key. Every refusal is an RFC 9457 problem document \
                (application/problem+json)."""));
    }

    @Bean
    OpenApiCustomizer doorApiOperations() {
        var written = read();
        return generated -> {
            var found = new TreeSet<>(
                    generated.getPaths() == null
                            ? java.util.Set.of()
                            : generated.getPaths().keySet());
            var documented = new TreeSet<>(written.getPaths().keySet());
            if (!found.equals(documented)) {
                throw new IllegalStateException(
                        OPERATIONS + " documents " + documented + " but the controllers serve " + found);
            }
            generated.setPaths(written.getPaths());
            generated.setComponents(written.getComponents());
        };
    }

    private static OpenAPI read() {
        try (var in = new ClassPathResource(OPERATIONS).getInputStream()) {
            return Yaml31.mapper().readValue(in, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPERATIONS, e);
        }
    }
}
