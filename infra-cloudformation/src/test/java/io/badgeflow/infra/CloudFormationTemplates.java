package io.badgeflow.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The stack templates of {@code templates/}, parsed into plain maps with the short intrinsic tags turned into
 * their long form ({@code !Ref X} into {@code {Ref: X}}, {@code !Sub s} into {@code {Fn::Sub: s}}), so the
 * template tests read one form only. Also knows the deploy order, read from {@code scripts/stacks.py}.
 */
final class CloudFormationTemplates {

    static final Path MODULE_DIR = moduleDir();
    static final Path TEMPLATES_DIR = MODULE_DIR.resolve("templates");

    private static final List<String> FUNCTIONS = List.of(
            "And",
            "Base64",
            "Cidr",
            "Contains",
            "Equals",
            "FindInMap",
            "GetAZs",
            "If",
            "ImportValue",
            "Join",
            "Not",
            "Or",
            "Select",
            "Split",
            "Sub",
            "Transform",
            "Length",
            "ToJsonString");

    private CloudFormationTemplates() {}

    /** One parsed template; {@code name} is the stack name without the {@code badgeflow-<stage>-} prefix. */
    record Template(String name, Map<String, Object> body) {

        Map<String, Object> resources() {
            return map(body.get("Resources"));
        }

        Map<String, Object> parameters() {
            return map(body.getOrDefault("Parameters", Map.of()));
        }

        Map<String, Object> conditions() {
            return map(body.getOrDefault("Conditions", Map.of()));
        }

        Map<String, Object> outputs() {
            return map(body.getOrDefault("Outputs", Map.of()));
        }

        Map<String, Object> metadata() {
            return map(body.getOrDefault("Metadata", Map.of()));
        }

        Stream<Resource> resourcesOfType(String type) {
            return resources().entrySet().stream()
                    .map(entry -> new Resource(this, entry.getKey(), map(entry.getValue())))
                    .filter(resource -> type.equals(resource.type()));
        }

        Stream<Resource> allResources() {
            return resources().entrySet().stream()
                    .map(entry -> new Resource(this, entry.getKey(), map(entry.getValue())));
        }

        @Override
        public String toString() {
            return name + ".yaml";
        }
    }

    /** One resource of a template. */
    record Resource(Template template, String logicalId, Map<String, Object> declaration) {

        String type() {
            return (String) declaration.get("Type");
        }

        Map<String, Object> properties() {
            return map(declaration.getOrDefault("Properties", Map.of()));
        }

        Object property(String name) {
            return properties().get(name);
        }

        Map<String, Object> metadata() {
            return map(declaration.getOrDefault("Metadata", Map.of()));
        }

        String condition() {
            return (String) declaration.get("Condition");
        }

        @Override
        public String toString() {
            return template.name() + ".yaml " + logicalId;
        }
    }

    static List<Template> all() {
        try (var files = Files.list(TEMPLATES_DIR)) {
            return files.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .map(CloudFormationTemplates::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Template named(String name) {
        return load(TEMPLATES_DIR.resolve(name + ".yaml"));
    }

    static Stream<Resource> resourcesOfType(String type) {
        return all().stream().flatMap(template -> template.resourcesOfType(type));
    }

    static Stream<Resource> allResources() {
        return all().stream().flatMap(Template::allResources);
    }

    /**
     * The order {@code deploy} creates the stacks in, read from {@code STACKS = [...]} in scripts/stacks.py.
     */
    static List<String> deployOrder() {
        try {
            var source = Files.readString(MODULE_DIR.resolve("scripts/stacks.py"));
            var matcher = Pattern.compile("(?m)^STACKS = \\[(.*)]$").matcher(source);
            if (!matcher.find()) {
                throw new IllegalStateException("no STACKS = [...] line in scripts/stacks.py");
            }
            var order = new ArrayList<String>();
            for (var item : matcher.group(1).split(",")) {
                order.add(item.strip().replace("\"", ""));
            }
            return order;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Template load(Path path) {
        var yaml = new Yaml(new IntrinsicFunctionConstructor(new LoaderOptions()));
        try (Reader reader = Files.newBufferedReader(path)) {
            Map<String, Object> body = yaml.load(reader);
            var fileName = path.getFileName().toString();
            return new Template(fileName.substring(0, fileName.length() - ".yaml".length()), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> items ? (List<Object>) items : List.of(value);
    }

    /**
     * Every value a property can take: both branches of each {@code Fn::If}, the value itself otherwise
     * ({@code AWS::NoValue} left out).
     */
    static List<Object> possibleValues(Object value) {
        if (value instanceof Map<?, ?> function && function.size() == 1 && function.containsKey("Fn::If")) {
            var branches = list(function.get("Fn::If"));
            var values = new ArrayList<Object>();
            values.addAll(possibleValues(branches.get(1)));
            values.addAll(possibleValues(branches.get(2)));
            return values;
        }
        if (Map.of("Ref", "AWS::NoValue").equals(value)) {
            return List.of();
        }
        return List.of(value);
    }

    /** The export a {@code Fn::ImportValue} names, as the text of its {@code Fn::Sub}. */
    static String importedName(Object importValue) {
        var argument = map(importValue).get("Fn::ImportValue");
        return subText(argument);
    }

    static String subText(Object value) {
        if (value instanceof String text) {
            return text;
        }
        var sub = map(value).get("Fn::Sub");
        return sub instanceof List<?> parts ? (String) parts.get(0) : (String) sub;
    }

    /** Every map anywhere under {@code value} (itself included) that has the given key. */
    static List<Map<String, Object>> mapsWithKey(Object value, String key) {
        var found = new ArrayList<Map<String, Object>>();
        collect(value, key, found);
        return found;
    }

    private static void collect(Object value, String key, List<Map<String, Object>> found) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey(key)) {
                found.add(map(map));
            }
            map.values().forEach(child -> collect(child, key, found));
        } else if (value instanceof List<?> items) {
            items.forEach(child -> collect(child, key, found));
        }
    }

    private static Path moduleDir() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("templates")) && Files.isDirectory(dir.resolve("scripts"))) {
                return dir;
            }
            if (Files.isDirectory(dir.resolve("infra-cloudformation/templates"))) {
                return dir.resolve("infra-cloudformation");
            }
        }
        throw new IllegalStateException("cannot find infra-cloudformation/templates above "
                + Path.of("").toAbsolutePath());
    }

    /** Maps {@code !Ref}, {@code !GetAtt}, {@code !Condition} and {@code !Fn} tags to their long-form maps. */
    private static final class IntrinsicFunctionConstructor extends SafeConstructor {

        IntrinsicFunctionConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (var function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private Object argument(Node node) {
            return switch (node) {
                case ScalarNode scalar -> constructScalar(scalar);
                case SequenceNode sequence -> constructSequence(sequence);
                case MappingNode mapping -> constructMapping(mapping);
                default -> throw new IllegalArgumentException("unexpected YAML node " + node);
            };
        }

        private final class Intrinsic extends AbstractConstruct {

            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                var result = new LinkedHashMap<String, Object>();
                result.put(key, argument(node));
                return result;
            }
        }

        private final class GetAtt extends AbstractConstruct {

            @Override
            public Object construct(Node node) {
                var value = argument(node);
                if (value instanceof String text) {
                    var dot = text.indexOf('.');
                    value = List.of(text.substring(0, dot), text.substring(dot + 1));
                }
                return Map.of("Fn::GetAtt", Objects.requireNonNull(value));
            }
        }
    }
}
