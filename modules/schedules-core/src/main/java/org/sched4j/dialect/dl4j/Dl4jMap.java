package org.sched4j.dialect.dl4j;

import static org.sched4j.expr.Ex.countAtMost;
import static org.sched4j.expr.Ex.lookup;
import static org.sched4j.expr.Ex.sub;

import java.util.Map;
import java.util.NavigableMap;
import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * {@code dl4j.Map}: DL4J's {@code MapSchedule(values)}, the value at the largest key {@code <= t}. Key 0 is
 * required (DL4J's constructor rejects a map without it: there would be no value at the first step).
 */
final class Dl4jMap extends BaseType {
    Dl4jMap() {
        super("dl4j.Map", "values[largest key <= t]", Param.stepMap("values"));
    }

    @Override
    public void check(Args a) {
        NavigableMap<Long, Double> values = a.stepMap("values");
        if (!values.isEmpty() && values.firstKey() < 0) {
            throw new SpecException("values." + values.firstKey(), "must be >= 0 (a step is never negative)");
        }
        if (!values.containsKey(0L)) {
            throw new SpecException("values", "must contain key \"0\", the value at the first step (DL4J's "
                    + "MapSchedule requires it too)");
        }
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        NavigableMap<Long, Double> values = a.stepMap("values");
        long[] keys = new long[values.size()];
        double[] table = new double[values.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : values.entrySet()) {
            keys[i] = e.getKey();
            table[i++] = e.getValue();
        }
        // Key 0 is present, so at least one key is <= t and the index is >= 0.
        return Definition.of(lookup(table, sub(countAtMost(t, keys), 1)));
    }
}
