package org.sched4j.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The validated arguments of one schedule: every declared parameter with its value (defaults filled in),
 * immutable, compared by value.
 */
public final class Args {
    private final Map<String, Object> values;

    /** Arguments from already validated values, in declaration order. */
    public Args(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no argument named " + name);
        }
        return v;
    }

    /** A REAL argument. */
    public double real(String name) {
        return (Double) get(name);
    }

    /** An INTEGER argument. */
    public long integer(String name) {
        return (Long) get(name);
    }

    /** A BOOLEAN argument. */
    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    /** Whether an argument has a value (false for an {@link Param#orNone() orNone} one left out). */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** A STRING argument. */
    public String string(String name) {
        return (String) get(name);
    }

    /** A CHOICE argument. */
    public String choice(String name) {
        return (String) get(name);
    }

    /** A REALS argument. */
    public double[] reals(String name) {
        List<?> l = (List<?>) get(name);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Double) l.get(i);
        }
        return out;
    }

    /** An INTEGERS argument. */
    public long[] integers(String name) {
        List<?> l = (List<?>) get(name);
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Long) l.get(i);
        }
        return out;
    }

    /** A SCHEDULES argument, as the nested type the parser produced. */
    public <T> List<T> nested(String name, Class<T> type) {
        List<?> l = (List<?>) get(name);
        for (Object o : l) {
            type.cast(o);
        }
        @SuppressWarnings("unchecked")
        List<T> typed = (List<T>) l;
        return typed;
    }

    /** A CODEC argument, as the type its codec reads. */
    public <T> T value(String name, Class<T> type) {
        return type.cast(get(name));
    }

    /** These arguments with {@code name} replaced by {@code value} (which must already be valid). */
    public Args with(String name, Object value) {
        get(name);
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Args(copy);
    }

    /** A SCHEDULE argument (one nested spec), as the nested type the parser produced. */
    public <T> T schedule(String name, Class<T> type) {
        return type.cast(get(name));
    }

    /** A REAL argument declared {@link Param#orNone}: its value, or null when it was left out. */
    public Double realOrNone(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no argument named " + name);
        }
        return (Double) values.get(name);
    }

    /** A STEP_MAP argument, ordered by step (unmodifiable). */
    @SuppressWarnings("unchecked")
    public NavigableMap<Long, Double> stepMap(String name) {
        return (NavigableMap<Long, Double>) get(name);
    }

    /** A RECORDS argument: one {@code Args} per object, holding its declared fields. */
    public List<Args> records(String name) {
        return nested(name, Args.class);
    }

    /** All values by name, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Args a && a.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
