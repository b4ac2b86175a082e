package io.badgeflow.aws.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What the tests know about a service's stack type: the record of the stack outputs the service uses, each
 * component named as its output in lowerCamelCase ({@code EmployeesTableName} -> {@code employeesTableName}). It
 * derives everything from the record, so a test never lists a name: the output keys, the environment variables
 * the compute template sets, made-up values for slices that never reach AWS, and what the template really sets.
 */
public final class StackNames {

    /** Where every stack type binds from: {@code badgeflow.stack.<OutputKey>}, as bin/run writes them. */
    public static final String PREFIX = "badgeflow.stack.";

    /** On AWS: {@code BADGEFLOW_STACK_<OUTPUTKEY>}, which Spring's relaxed binding maps to the component. */
    public static final String VARIABLE_PREFIX = "BADGEFLOW_STACK_";

    private StackNames() {}

    /** The stack output each component is, e.g. {@code EmployeesTableName}. */
    public static List<String> outputKeys(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> Character.toUpperCase(component.getName().charAt(0))
                        + component.getName().substring(1))
                .toList();
    }

    /** The environment variable that gives an output on AWS, e.g. {@code BADGEFLOW_STACK_EMPLOYEESTABLENAME}. */
    public static String variableOf(String outputKey) {
        return VARIABLE_PREFIX + outputKey.toUpperCase(Locale.ROOT);
    }

    /** The environment variables that give the type's names on AWS. */
    public static Set<String> environmentVariables(Class<? extends Record> type) {
        var variables = new TreeSet<String>();
        outputKeys(type).forEach(key -> variables.add(variableOf(key)));
        return variables;
    }

    /** {@code badgeflow.stack.<OutputKey>} properties as the environment variables the template sets instead. */
    public static Map<String, Object> asVariables(Map<String, String> properties) {
        var variables = new LinkedHashMap<String, Object>();
        properties.forEach((key, value) -> variables.put(variableOf(outputKeyOf(key)), value));
        return variables;
    }

    /** {@code badgeflow.stack.<OutputKey>} properties by output key, as {@link #valuesOf} gives them back. */
    public static Map<String, Object> byOutputKey(Map<String, String> properties) {
        var values = new LinkedHashMap<String, Object>();
        properties.forEach((key, value) -> values.put(outputKeyOf(key), value));
        return values;
    }

    private static String outputKeyOf(String property) {
        if (!property.startsWith(PREFIX)) {
            throw new IllegalArgumentException(property + " is no " + PREFIX + "* property");
        }
        return property.substring(PREFIX.length());
    }

    /** What a bound stack type holds, by output key. */
    public static Map<String, Object> valuesOf(Record stack) {
        var values = new LinkedHashMap<String, Object>();
        var keys = outputKeys(stack.getClass());
        var components = stack.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            try {
                values.put(keys.get(i), components[i].getAccessor().invoke(stack));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[i], e);
            }
        }
        return values;
    }

    /**
     * A made-up value for every name of the type ({@code badgeflow.stack.EmployeesTableName=EmployeesTableName}),
     * for test slices that need the type bound but never call AWS; {@code overrides} by output key for the few
     * names a slice needs in a given form (a user pool id).
     */
    public static Map<String, String> placeholders(Class<? extends Record> type, Map<String, String> overrides) {
        var properties = new LinkedHashMap<String, String>();
        outputKeys(type).forEach(key -> properties.put(PREFIX + key, overrides.getOrDefault(key, key)));
        overrides.keySet().forEach(key -> {
            if (!properties.containsKey(PREFIX + key)) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no name " + key);
            }
        });
        return properties;
    }

    /**
     * The {@code BADGEFLOW_STACK_*} variables the compute template gives one resource: a Lambda function's
     * {@code Environment.Variables} or the containers' {@code Environment} of an ECS task definition.
     */
    public static Set<String> templateVariables(String logicalId) {
        var template = AwsEnvironment.repositoryRoot().resolve("infra-cloudformation/templates/compute.yaml");
        Map<?, ?> body;
        try (var reader = Files.newBufferedReader(template)) {
            body = new Yaml(new CloudFormationConstructor()).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var resource = (Map<?, ?>) ((Map<?, ?>) body.get("Resources")).get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("compute.yaml has no resource " + logicalId);
        }
        var properties = (Map<?, ?>) resource.get("Properties");
        var names = new TreeSet<String>();
        if (properties.get("Environment") instanceof Map<?, ?> environment) {
            ((Map<?, ?>) environment.get("Variables")).keySet().forEach(name -> names.add((String) name));
        }
        if (properties.get("ContainerDefinitions") instanceof List<?> containers) {
            for (var container : containers) {
                for (var variable : (List<?>) ((Map<?, ?>) container).get("Environment")) {
                    // A variable set under a condition, !If [condition, {Name, Value}, AWS::NoValue], reads as a list.
                    var declared = variable instanceof List<?> conditional ? conditional.get(1) : variable;
                    names.add((String) ((Map<?, ?>) declared).get("Name"));
                }
            }
        }
        names.removeIf(name -> !name.startsWith(VARIABLE_PREFIX));
        return names;
    }

    /** Reads the short intrinsic tags ({@code !Sub}, {@code !Ref}, ...) as their plain value; only names matter here. */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return switch (node) {
                        case ScalarNode scalar -> constructScalar(scalar);
                        case SequenceNode sequence -> constructSequence(sequence);
                        case MappingNode mapping -> constructMapping(mapping);
                        default -> throw new IllegalStateException("unexpected YAML node " + node);
                    };
                }
            });
        }
    }
}
