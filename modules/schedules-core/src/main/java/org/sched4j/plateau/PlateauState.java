package org.sched4j.plateau;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.sched4j.spec.Json;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * Where a plateau schedule stands, as PyTorch's ReduceLROnPlateau keeps it: metrics observed so far, the
 * current value, the best metric, bad epochs and cooldown left. Immutable; written into the spec as
 * {@code "state"} so a saved schedule resumes exactly.
 *
 * @param observed how many metrics were observed (PyTorch's {@code last_epoch})
 * @param value the current value, or null before it first changes (then the initial value holds)
 * @param best the best metric so far, or null before the first observation
 * @param badEpochs observations since the last improvement ({@code num_bad_epochs})
 * @param cooldownLeft observations left in which bad epochs are not counted ({@code cooldown_counter})
 */
public record PlateauState(long observed, Double value, Double best, long badEpochs, long cooldownLeft) {
    /** The state before any metric is observed. */
    public static final PlateauState FRESH = new PlateauState(0, null, null, 0, 0);

    /** The current value, given the schedule's initial value. */
    public double valueOr(double initial) {
        return value == null ? initial : value;
    }

    /** The JSON form of the {@code state} argument. */
    static final Param.Codec CODEC = new Param.Codec() {
        @Override
        public Object read(JsonNode node, String path) {
            if (!node.isObject()) {
                throw new SpecException(path, "must be a JSON object (a plateau state written by sched4j)");
            }
            for (var it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!java.util.Set.of("observed", "value", "best", "num_bad_epochs", "cooldown_counter").contains(k)) {
                    throw new SpecException(path + "." + k, "is not part of a plateau state (allowed: observed, "
                            + "value, best, num_bad_epochs, cooldown_counter)");
                }
            }
            long observed = count(node, path, "observed");
            Double value = real(node, path, "value");
            Double best = real(node, path, "best");
            if (observed > 0 && best == null) {
                throw new SpecException(path + ".best", "is required once metrics were observed");
            }
            if (observed == 0 && best != null) {
                throw new SpecException(path + ".best", "must be absent before any metric is observed");
            }
            if (value != null && value < 0) {
                throw new SpecException(path + ".value", "must be >= 0 (got " + value + ")");
            }
            return new PlateauState(observed, value, best, count(node, path, "num_bad_epochs"),
                    count(node, path, "cooldown_counter"));
        }

        @Override
        public JsonNode write(Object v) {
            PlateauState s = (PlateauState) v;
            ObjectNode o = Json.object();
            o.put("observed", s.observed);
            if (s.value != null) {
                o.put("value", s.value);
            }
            if (s.best != null) {
                o.put("best", s.best);
            }
            o.put("num_bad_epochs", s.badEpochs);
            o.put("cooldown_counter", s.cooldownLeft);
            return o;
        }
    };

    private static long count(JsonNode node, String path, String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            return 0;
        }
        Object n = Param.integer(key).atLeast(0).read(v, path + "." + key, null);
        return (Long) n;
    }

    private static Double real(JsonNode node, String path, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : (Double) Param.real(key).read(v, path + "." + key, null);
    }
}
