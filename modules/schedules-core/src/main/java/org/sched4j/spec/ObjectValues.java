package org.sched4j.spec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.JsonNodeFactory;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/** Reading and writing the object-shaped argument kinds: step maps and lists of records. */
final class ObjectValues {
    private static final Pattern INTEGER_KEY = Pattern.compile("-?[0-9]+");

    private ObjectValues() {
    }

    /** A step map: integer keys (within +-2^53, each step once), each value checked by {@code check}. */
    static NavigableMap<Long, Double> readStepMap(JsonNode node, String path,
            BiFunction<Number, String, Number> check) {
        if (!node.isObject()) {
            throw new SpecException(path, "must be a JSON object from steps to numbers, e.g. {\"0\": 0.1, \"100\": 0.01} (got " + Param.describe(node)
                    + ")");
        }
        TreeMap<Long, Double> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String at = path + ".\"" + key + "\"";
            if (!INTEGER_KEY.matcher(key).matches()) {
                throw new SpecException(at, "must be an integer step");
            }
            BigInteger step = new BigInteger(key);
            if (step.bitLength() > 53) {
                throw new SpecException(at, "must be an integer step within +-2^53");
            }
            Double value = (Double) check.apply(Param.number(e.getValue(), at), at);
            if (out.put(step.longValue(), value) != null) {
                throw new SpecException(at, "repeats step " + step);
            }
        }
        return Collections.unmodifiableNavigableMap(out);
    }

    /** A list of objects, each read against {@code fields}: unknown keys rejected, defaults filled in. */
    static List<Args> readRecords(JsonNode node, String path, List<Param> fields, int minSize, NestedReader nested) {
        if (!node.isArray()) {
            throw new SpecException(path, "must be a JSON array of objects (got " + Param.describe(node) + ")");
        }
        if (node.size() < minSize) {
            throw new SpecException(path, "must have at least " + minSize + " element" + (minSize == 1 ? "" : "s")
                    + " (got " + node.size() + ")");
        }
        List<Args> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(readRecord(node.get(i), path + "[" + i + "]", fields, nested));
        }
        return Collections.unmodifiableList(out);
    }

    private static Args readRecord(JsonNode node, String path, List<Param> fields, NestedReader nested) {
        if (!node.isObject()) {
            throw new SpecException(path, "must be a JSON object (got " + Param.describe(node) + ")");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> names = fields.stream().map(Param::name).toList();
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!names.contains(key)) {
                throw new SpecException(path + "." + key, "is not an argument (allowed: " + String.join(", ", names)
                        + ")");
            }
        }
        for (Param p : fields) {
            JsonNode v = node.get(p.name());
            String at = path + "." + p.name();
            if (v == null || v.isNull()) {
                if (p.required()) {
                    throw new SpecException(at, "is required");
                }
                values.put(p.name(), p.defaultValue());
            } else {
                values.put(p.name(), p.read(v, at, nested));
            }
        }
        return new Args(values);
    }

    static ObjectNode writeStepMap(Map<?, ?> map) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            o.put(e.getKey().toString(), (Double) e.getValue());
        }
        return o;
    }

    static ArrayNode writeRecords(List<?> records, List<Param> fields) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Object r : records) {
            Map<String, Object> values = ((Args) r).asMap();
            ObjectNode o = a.addObject();
            for (Param p : fields) {
                o.set(p.name(), p.write(values.get(p.name())));
            }
        }
        return a;
    }
}
