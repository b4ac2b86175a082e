package io.badgeflow.infra;

import static io.badgeflow.infra.CloudFormationTemplates.list;
import static io.badgeflow.infra.CloudFormationTemplates.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of both services reaches the service that serves it through the load balancer: the listener
 * rules of compute.yaml (path patterns, in priority order, then the default action) are applied to every path of
 * admin-service's and access-stream's OpenAPI documents, as published by their own test runs in this build
 * (admin-service's OpenApiDocumentTests, access-stream's OpenApiDocumentIntegrationTests).
 */
class RoutingIntegrationTests {

    private static final Map<String, String> SERVED_BY_TARGET_GROUP =
            Map.of("AdminServiceTargetGroup", "admin-service", "AccessStreamTargetGroup", "access-stream");

    @Test
    void routesEveryOperationOfBothServicesToTheServiceThatServesIt() throws IOException {
        var listener = new Listener(CloudFormationTemplates.named("compute"));
        var checked = 0;
        var misrouted = new ArrayList<String>();
        for (var service : List.of("admin-service", "access-stream")) {
            var paths = JsonMapper.shared()
                    .readTree(Files.readString(document(service)))
                    .get("paths");
            for (var path : paths.propertyNames()) {
                for (var method : paths.get(path).propertyNames()) {
                    var routedTo = listener.serviceFor(samplePath(path));
                    checked++;
                    if (!service.equals(routedTo)) {
                        misrouted.add(method.toUpperCase() + " " + path + " (" + service + ") -> " + routedTo);
                    }
                }
            }
        }
        System.out.println("routing: " + checked + " operations of admin-service and access-stream checked against "
                + listener.rules.size() + " listener rules and the default action");
        assertThat(misrouted)
                .as("operations the load balancer sends to the wrong service")
                .isEmpty();
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void matchesPathPatternsAsTheLoadBalancerDoes() {
        assertThat(Listener.matches("/door-api/*", "/door-api/v1/doors/d-1/decisions"))
                .isTrue();
        assertThat(Listener.matches("/door-api/*", "/door-api")).isFalse();
        assertThat(Listener.matches("/api/v1/doors/*", "/api/v1/doors/d-1")).isTrue();
        assertThat(Listener.matches("/api/v?/x", "/api/v1/x")).isTrue();
        assertThat(Listener.matches("/Door-API/*", "/door-api/v1"))
                .as("patterns are case sensitive")
                .isFalse();
    }

    /** A request path for an OpenAPI path template: each {@code {parameter}} becomes a plausible value. */
    private static String samplePath(String template) {
        return template.replaceAll("\\{[^}]+}", "sample-id-1");
    }

    private static Path document(String service) {
        var file = CloudFormationTemplates.MODULE_DIR
                .getParent()
                .resolve(service)
                .resolve("target/openapi")
                .resolve(service + ".json");
        assertThat(file)
                .as("the OpenAPI document %s's tests publish (run the whole build: ./mvnw verify)", service)
                .exists();
        return file;
    }

    /** The public listener of compute.yaml: its path-pattern rules by priority and its default target group. */
    private static final class Listener {

        private final List<Rule> rules = new ArrayList<>();
        private final String defaultTargetGroup;

        Listener(CloudFormationTemplates.Template compute) {
            var resources = compute.resources();
            var listener = map(map(resources.get("PublicListener")).get("Properties"));
            defaultTargetGroup = targetGroup(list(listener.get("DefaultActions")));
            compute.resourcesOfType("AWS::ElasticLoadBalancingV2::ListenerRule").forEach(rule -> {
                assertThat(rule.property("ListenerArn")).isEqualTo(Map.of("Ref", "PublicListener"));
                var patterns = new ArrayList<String>();
                for (var condition : list(rule.property("Conditions"))) {
                    var field = map(condition).get("Field");
                    assertThat(field)
                            .as("%s: only path-pattern conditions are modelled here", rule)
                            .isEqualTo("path-pattern");
                    list(map(map(condition).get("PathPatternConfig")).get("Values"))
                            .forEach(value -> patterns.add((String) value));
                }
                rules.add(new Rule(
                        ((Number) rule.property("Priority")).intValue(),
                        patterns,
                        targetGroup(list(rule.property("Actions")))));
            });
            rules.sort(Comparator.comparingInt(Rule::priority));
        }

        String serviceFor(String path) {
            var targetGroup = rules.stream()
                    .filter(rule -> rule.patterns().stream().anyMatch(p -> matches(p, path)))
                    .map(Rule::targetGroup)
                    .findFirst()
                    .orElse(defaultTargetGroup);
            return SERVED_BY_TARGET_GROUP.getOrDefault(targetGroup, "nothing (" + targetGroup + ")");
        }

        private static String targetGroup(List<Object> actions) {
            assertThat(actions).hasSize(1);
            var action = map(actions.getFirst());
            assertThat(action.get("Type")).isEqualTo("forward");
            return (String) map(action.get("TargetGroupArn")).get("Ref");
        }

        /** ALB path patterns: case sensitive, the whole path, {@code *} any characters, {@code ?} exactly one. */
        static boolean matches(String pattern, String path) {
            var regex = new StringBuilder();
            for (var c : pattern.toCharArray()) {
                regex.append(
                        switch (c) {
                            case '*' -> ".*";
                            case '?' -> ".";
                            default -> Pattern.quote(String.valueOf(c));
                        });
            }
            return path.matches(regex.toString());
        }
    }

    private record Rule(int priority, List<String> patterns, String targetGroup) {}
}
