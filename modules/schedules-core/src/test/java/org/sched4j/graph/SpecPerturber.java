package org.sched4j.graph;

import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.DoubleNode;
import org.nd4j.shade.jackson.databind.node.LongNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Json;
import org.sched4j.spec.SpecException;

/**
 * Test helper: random variations of a spec with no per-type code. Every number in the spec (nested
 * schedules included) may move, integers staying integers; a number list moves element by element or as
 * a whole by one increasing map (which keeps sorted lists sorted). A variation the spec rules reject
 * ({@link SpecException}) is drawn again, so only valid schedules come out.
 */
final class SpecPerturber {
    /** Draws before giving up and returning the spec unchanged. */
    static final int ATTEMPTS = 100;

    private SpecPerturber() {
    }

    /** A valid variation of {@code spec}; the spec itself if {@link #ATTEMPTS} draws were all rejected. */
    static String perturb(String spec, Random random) {
        JsonNode original = Json.parse(spec, "spec");
        for (int i = 0; i < ATTEMPTS; i++) {
            JsonNode candidate = original.deepCopy();
            perturbObject((ObjectNode) candidate, random);
            try {
                return Schedule.fromSpec(candidate).toJson();
            } catch (SpecException rejected) {
                // the rules reject this draw: draw again
            }
        }
        return Schedule.parse(spec).toJson();
    }

    private static void perturbObject(ObjectNode node, Random random) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                field.setValue(random.nextInt(3) == 0 ? value : number(value, random));
            } else if (value.isObject()) {
                perturbObject((ObjectNode) value, random);
            } else if (value.isArray()) {
                perturbArray((ArrayNode) value, random);
            }
        }
    }

    private static void perturbArray(ArrayNode array, Random random) {
        boolean numbers = array.size() > 0;
        for (JsonNode e : array) {
            numbers &= e.isNumber();
        }
        if (!numbers) {
            for (JsonNode e : array) {
                if (e.isObject()) {
                    perturbObject((ObjectNode) e, random);
                }
            }
            return;
        }
        int mode = random.nextInt(3);
        if (mode == 0) {
            return;
        }
        double scale = Math.exp(random.nextDouble() * 3 - 1.5);
        for (int i = 0; i < array.size(); i++) {
            JsonNode e = array.get(i);
            if (mode == 1) {
                array.set(i, number(e, random));
            } else if (e.isIntegralNumber()) {
                array.set(i, LongNode.valueOf(Math.round(e.longValue() * scale)));
            } else {
                array.set(i, DoubleNode.valueOf(e.doubleValue() * scale));
            }
        }
    }

    /** One number moved: integers by a factor in [e^-1.5, e^1.5] (0 to a small count), reals likewise. */
    private static JsonNode number(JsonNode value, Random random) {
        double factor = Math.exp(random.nextDouble() * 3 - 1.5);
        if (value.isIntegralNumber()) {
            long v = value.longValue();
            if (v == 0) {
                return LongNode.valueOf(random.nextInt(12));
            }
            return LongNode.valueOf(Math.round(v * factor));
        }
        double v = value.doubleValue();
        if (v == 0) {
            return DoubleNode.valueOf(random.nextDouble() * 0.01);
        }
        if (v > 0 && v < 1 && random.nextBoolean()) {
            // Keeps a factor in (0, 1), such as a decay rate close to 1, on the same side of 1.
            return DoubleNode.valueOf(1 - (1 - v) * factor);
        }
        return DoubleNode.valueOf(v * factor);
    }
}
