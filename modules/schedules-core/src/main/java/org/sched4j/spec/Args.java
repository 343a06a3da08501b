package org.sched4j.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** A SCHEDULE argument, as the nested type the parser produced. */
    public <T> T schedule(String name, Class<T> type) {
        return type.cast(get(name));
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
