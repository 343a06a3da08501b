package org.sched4j.schedule;

import java.util.List;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.sched4j.spec.Json;

/**
 * Assembles a spec in Java and validates it at {@link #build()} exactly as JSON is validated (errors name
 * the spec key). The typed factories ({@code Schedules}, {@code Torch}) are written with it.
 */
public final class ScheduleBuilder {
    private final ObjectNode spec = Json.object();

    /** A builder for the schedule type named {@code type}. */
    public ScheduleBuilder(String type) {
        spec.put("type", type);
    }

    /** Sets a real argument. */
    public ScheduleBuilder set(String key, double value) {
        spec.put(key, value);
        return this;
    }

    /** Sets an integer argument. */
    public ScheduleBuilder set(String key, long value) {
        spec.put(key, value);
        return this;
    }

    /** Sets a boolean argument. */
    public ScheduleBuilder set(String key, boolean value) {
        spec.put(key, value);
        return this;
    }

    /** Sets a string (choice) argument. */
    public ScheduleBuilder set(String key, String value) {
        spec.put(key, value);
        return this;
    }

    /** Sets a list-of-reals argument. */
    public ScheduleBuilder set(String key, double[] values) {
        ArrayNode a = spec.putArray(key);
        for (double v : values) {
            a.add(v);
        }
        return this;
    }

    /** Sets a list-of-integers argument. */
    public ScheduleBuilder set(String key, long[] values) {
        ArrayNode a = spec.putArray(key);
        for (long v : values) {
            a.add(v);
        }
        return this;
    }

    /** Sets a list-of-schedules argument. */
    public ScheduleBuilder set(String key, List<Schedule> children) {
        ArrayNode a = spec.putArray(key);
        for (Schedule c : children) {
            a.add(c.toSpec());
        }
        return this;
    }

    /** Sets a nested-schedule argument. */
    public ScheduleBuilder set(String key, Schedule child) {
        spec.set(key, child.toSpec());
        return this;
    }

    /** Which DL4J counter the schedule reads (iteration by default). */
    public ScheduleBuilder unit(Unit unit) {
        spec.put("unit", unit.specName());
        return this;
    }

    /**
     * Validates and builds the schedule.
     *
     * @throws org.sched4j.spec.SpecException naming the offending key and rule
     */
    public Schedule build() {
        return Schedule.fromSpec(spec);
    }
}
