package org.sched4j.schedule;

import java.util.List;
import org.sched4j.spec.Param;

/** Holds the name, summary and declared arguments of a schedule type; subclasses add the definition. */
public abstract class BaseType implements ScheduleType {
    private final String name;
    private final String summary;
    private final List<Param> params;

    /** A type named {@code name} with the given declared arguments. */
    protected BaseType(String name, String summary, Param... params) {
        this.name = name;
        this.summary = summary;
        this.params = List.of(params);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final List<Param> params() {
        return params;
    }

    @Override
    public String toString() {
        return name;
    }
}
