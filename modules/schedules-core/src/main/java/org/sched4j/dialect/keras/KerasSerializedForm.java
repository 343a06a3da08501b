package org.sched4j.dialect.keras;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleType;
import org.sched4j.spec.Json;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * Keras's serialized schedule, {@code {"class_name": "ExponentialDecay", "config": {...}}} (Keras 3 and
 * recent tf.keras add {@code "module"} and {@code "registered_name"}), read as the {@code keras.*} spec it
 * denotes. The class name is looked up among the {@code keras.*} types only; nothing is ever loaded by name.
 */
public final class KerasSerializedForm {
    static final String CLASS_NAME = "class_name";
    static final String CONFIG = "config";
    static final String MODULE = "module";
    static final String REGISTERED_NAME = "registered_name";
    private static final List<String> KEYS = List.of(CLASS_NAME, CONFIG, MODULE, REGISTERED_NAME);
    /** The first part of a {@code module} Keras writes for its own schedules. */
    private static final List<String> KERAS_PACKAGES = List.of("keras", "tf_keras", "tensorflow");

    private KerasSerializedForm() {
    }

    /** Whether {@code node} is in Keras's form: an object with a {@code class_name} and no {@code type}. */
    public static boolean isSerializedForm(JsonNode node) {
        return node != null && node.isObject() && node.has(CLASS_NAME) && !node.has("type");
    }

    /**
     * The {@code keras.*} spec that Keras's serialized form denotes.
     *
     * @throws SpecException naming {@code class_name}, {@code config.<key>} or another key of the form
     */
    public static ObjectNode toSpec(JsonNode node) {
        return toSpec(node, "");
    }

    /**
     * Reads Keras's form found at {@code path} with {@code reader} (the spec parser), reporting the
     * arguments' errors under {@code config} (e.g. {@code config.decay_steps}).
     */
    public static Schedule read(JsonNode node, String path, Function<JsonNode, Schedule> reader) {
        ObjectNode spec = toSpec(node, path);
        try {
            return reader.apply(spec);
        } catch (SpecException e) {
            String prefix = path.isEmpty() ? "" : path + ".";
            String field = e.field();
            if (!field.startsWith(prefix)) {
                throw e;
            }
            throw new SpecException(prefix + CONFIG + "." + field.substring(prefix.length()), e.rule());
        }
    }

    static ObjectNode toSpec(JsonNode node, String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new SpecException(prefix + key, "is not a key of Keras's serialized form (allowed: "
                        + String.join(", ", KEYS) + ")");
            }
        }
        ScheduleType type = type(node.get(CLASS_NAME), prefix);
        String className = type.name().substring("keras.".length());
        checkModule(node.get(MODULE), prefix);
        JsonNode registered = node.get(REGISTERED_NAME);
        if (registered != null && !registered.isNull()
                && !(registered.isTextual() && registered.textValue().equals(className))) {
            throw new SpecException(prefix + REGISTERED_NAME, "must be null for Keras's own " + className
                    + " (got " + registered + ", a custom registered class)");
        }
        JsonNode config = node.get(CONFIG);
        if (config == null || !config.isObject()) {
            throw new SpecException(prefix + CONFIG, "must be a JSON object of " + className + "'s arguments (got "
                    + (config == null ? "nothing" : config.getNodeType().name().toLowerCase()) + ")");
        }
        Map<String, Param> declared = type.params().stream()
                .collect(Collectors.toMap(Param::name, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));
        ObjectNode spec = Json.object();
        spec.put("type", type.name());
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!declared.containsKey(e.getKey())) {
                throw new SpecException(prefix + CONFIG + "." + e.getKey(), "is not an argument of Keras's "
                        + className + " (allowed: " + String.join(", ", declared.keySet()) + ")");
            }
            spec.set(e.getKey(), e.getValue());
        }
        return spec;
    }

    private static ScheduleType type(JsonNode className, String prefix) {
        if (!className.isTextual()) {
            throw new SpecException(prefix + CLASS_NAME, "must be a string naming a Keras schedule (got "
                    + className.getNodeType().name().toLowerCase() + ")");
        }
        String wanted = "keras." + className.textValue();
        for (ScheduleType t : KerasDialect.TYPES) {
            if (t.name().equals(wanted)) {
                return t;
            }
        }
        throw new SpecException(prefix + CLASS_NAME, "unknown Keras schedule \"" + className.textValue()
                + "\" (known: " + KerasDialect.TYPES.stream().map(t -> t.name().substring("keras.".length()))
                        .collect(Collectors.joining(", ")) + ")");
    }

    private static void checkModule(JsonNode module, String prefix) {
        if (module == null || module.isNull()) {
            return;
        }
        String root = module.isTextual() ? module.textValue().split("\\.", -1)[0] : "";
        if (!KERAS_PACKAGES.contains(root)) {
            throw new SpecException(prefix + MODULE, "must be a Keras module such as keras.optimizers.schedules "
                    + "(got " + module + ")");
        }
    }
}
