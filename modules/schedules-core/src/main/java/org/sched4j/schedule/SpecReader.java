package org.sched4j.schedule;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.JsonNodeFactory;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.sched4j.dialect.keras.KerasSerializedForm;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * Turns a JSON spec into a {@link Schedule}, checking every key against the named type's declaration. Keras's
 * serialized form ({@code class_name} and {@code config}) is accepted wherever a spec is.
 */
final class SpecReader {
    /** Keys every spec may hold besides its type's arguments. */
    static final String TYPE = "type";
    static final String UNIT = "unit";
    static final String STEPS_PER_EPOCH = "steps_per_epoch";
    /** The deepest nesting of schedules inside schedules. */
    static final int MAX_NESTING = 16;

    private SpecReader() {
    }

    static Schedule read(JsonNode node, String path) {
        return read(node, path, 0);
    }

    private static Schedule read(JsonNode node, String path, int nesting) {
        String here = path.isEmpty() ? "spec" : path;
        if (node == null || !node.isObject()) {
            throw new SpecException(here, "must be a JSON object with a \"type\" (got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()) + ")");
        }
        if (nesting > MAX_NESTING) {
            throw new SpecException(here, "schedules nest deeper than " + MAX_NESTING + " levels");
        }
        if (KerasSerializedForm.isSerializedForm(node)) {
            return KerasSerializedForm.read(node, path, spec -> read(spec, path, nesting));
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        JsonNode typeNode = node.get(TYPE);
        if (typeNode == null) {
            throw new SpecException(prefix + TYPE, "is required (the schedule type, e.g. \"cosine\")");
        }
        if (!typeNode.isTextual()) {
            throw new SpecException(prefix + TYPE, "must be a string naming a schedule type");
        }
        ScheduleType type = ScheduleTypes.find(typeNode.textValue());
        if (type == null) {
            throw new SpecException(prefix + TYPE, "unknown schedule type \"" + typeNode.textValue()
                    + "\" (run `sched4j types`, or see docs/SPEC.md, for the list)");
        }
        if (nesting > 0 && type instanceof ObservingType) {
            throw new SpecException(prefix + TYPE, type.name() + " cannot be nested: its value depends on "
                    + "observed metrics, not on the step a composite gives it");
        }
        Unit unit = readUnit(node.get(UNIT), prefix);
        // A type that declares steps_per_epoch itself (torch.OneCycleLR, expression) owns the key.
        boolean ownsStepsPerEpoch = type.params().stream().anyMatch(p -> p.name().equals(STEPS_PER_EPOCH));
        long stepsPerEpoch = ownsStepsPerEpoch ? 0 : readStepsPerEpoch(node.get(STEPS_PER_EPOCH), prefix, unit);
        if (nesting > 0 && unit == Unit.EPOCH && stepsPerEpoch == 0) {
            throw new SpecException(prefix + STEPS_PER_EPOCH, "is required for a nested schedule in epochs (it "
                    + "is given its parent's steps; say how many make one epoch)");
        }
        Map<String, Param> declared = new LinkedHashMap<>();
        for (Param p : type.params()) {
            declared.put(p.name(), p);
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals(TYPE) && !key.equals(UNIT) && !key.equals(STEPS_PER_EPOCH) && !declared.containsKey(key)) {
                throw new SpecException(prefix + key, "is not an argument of " + type.name() + " (allowed: "
                        + String.join(", ", declared.keySet()) + ")");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : declared.values()) {
            JsonNode v = node.get(p.name());
            String at = prefix + p.name();
            if (v == null || v.isNull()) {
                if (p.required()) {
                    throw new SpecException(at, "is required");
                }
                Object def = p.defaultValue();
                values.put(p.name(), def instanceof Param.SameAs same ? values.get(same.name()) : def);
                continue;
            }
            if (!p.inherited().isEmpty()) {
                v = inherit(node, p.inherited(), v);
            }
            values.put(p.name(), p.read(v, at, (child, childPath) -> read(child, childPath, nesting + 1)));
        }
        Args args = new Args(values);
        try {
            type.check(args);
        } catch (SpecException e) {
            throw path.isEmpty() ? e : e.under(path);
        }
        return new Schedule(type, args, unit, stepsPerEpoch);
    }

    private static Unit readUnit(JsonNode unitNode, String prefix) {
        if (unitNode == null) {
            return Unit.ITERATION;
        }
        if (!unitNode.isTextual() || !(unitNode.textValue().equals("iteration")
                || unitNode.textValue().equals("epoch"))) {
            throw new SpecException(prefix + UNIT, "must be \"iteration\" or \"epoch\"");
        }
        return Unit.valueOf(unitNode.textValue().toUpperCase());
    }

    private static long readStepsPerEpoch(JsonNode n, String prefix, Unit unit) {
        if (n == null) {
            return 0;
        }
        String at = prefix + STEPS_PER_EPOCH;
        if (unit != Unit.EPOCH) {
            throw new SpecException(at, "needs \"unit\": \"epoch\" (it says how many steps make one epoch)");
        }
        return (Long) Param.integer(STEPS_PER_EPOCH).atLeast(1).read(n, at, null);
    }

    /** Copies the parent's {@code keys} into each child object whose type declares them but lacks them. */
    private static JsonNode inherit(JsonNode parent, List<String> keys, JsonNode children) {
        if (!children.isArray()) {
            return children;
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode child : children) {
            if (child.isObject()) {
                ObjectNode copy = ((ObjectNode) child).deepCopy();
                for (String k : keys) {
                    if (!copy.has(k) && parent.has(k) && declares(copy.get(TYPE), k)) {
                        copy.set(k, parent.get(k));
                    }
                }
                out.add(copy);
            } else {
                out.add(child);
            }
        }
        return JsonNodeFactory.instance.arrayNode().addAll(out);
    }

    private static boolean declares(JsonNode typeName, String key) {
        ScheduleType type = typeName != null && typeName.isTextual() ? ScheduleTypes.find(typeName.textValue()) : null;
        return type != null && type.params().stream().anyMatch(p -> p.name().equals(key));
    }
}
