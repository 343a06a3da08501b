package org.sched4j.dialect.optax;

import java.util.Collections;
import java.util.TreeMap;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * Base of the {@code optax.*} types: an Optax schedule is a pure function of the step count, named
 * {@code optax.<function>} and taking the function's keyword arguments. Holds the arguments several share.
 */
abstract class OptaxSchedule extends BaseType {
    static final Param INIT_VALUE = Param.real("init_value");
    static final Param END_VALUE = Param.real("end_value");
    static final Param PEAK_VALUE = Param.real("peak_value");
    static final Param TRANSITION_STEPS = Param.integer("transition_steps");
    static final Param TRANSITION_BEGIN = Param.integer("transition_begin").optional(0);
    static final Param DECAY_RATE = Param.real("decay_rate");
    static final Param STAIRCASE = Param.bool("staircase").optional(false);
    static final Param OPTIONAL_END_VALUE = Param.real("end_value").orNone();
    static final Param WARMUP_STEPS = Param.integer("warmup_steps");
    static final Param EXPONENT = Param.real("exponent").optional(1.0);
    /** Python's {@code None} and {@code {}} behave alike in Optax; both are the empty map here. */
    static final Param BOUNDARIES_AND_SCALES = Param.stepMap("boundaries_and_scales").atLeast(0)
            .optional(Collections.unmodifiableNavigableMap(new TreeMap<Long, Double>()));

    OptaxSchedule(String function, String summary, Param... params) {
        super("optax." + function, summary, params);
    }

    @Override
    public final Definition define(Args a, IntExpr t) {
        return Definition.of(value(a, t));
    }

    /** Optax's value at step count {@code t}. */
    abstract RealExpr value(Args a, IntExpr t);
}
