package org.sched4j.dialect.keras;

import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * Base of the {@code keras.*} dialect: the name prefix, Keras's {@code name} argument (a label that never
 * changes a value) and one value expression per type. Keras casts the step to the rate's float type; here
 * it stays an exact integer.
 */
abstract class KerasSchedule extends BaseType {
    static final Param INITIAL_LEARNING_RATE = Param.real("initial_learning_rate");
    /** Keras's own check on {@code decay_steps} ("must be > 0"). */
    static final Param DECAY_STEPS = Param.integer("decay_steps").greaterThan(0);
    /** A negative rate gives NaN (a negative number to a fractional power) or an infinite rate in Keras. */
    static final Param DECAY_RATE = Param.real("decay_rate").atLeast(0);
    static final Param STAIRCASE = Param.bool("staircase").optional(false);

    KerasSchedule(String name, String summary, Param... params) {
        super("keras." + name, summary, params);
    }

    /** Keras's {@code name} argument with its default (Keras 3's; {@code null} in a config means this too). */
    static Param name(String defaultName) {
        return Param.string("name").optional(defaultName);
    }

    @Override
    public final Definition define(Args a, IntExpr t) {
        return Definition.of(value(a, t));
    }

    /** The learning rate at optimizer step {@code t}. */
    abstract RealExpr value(Args a, IntExpr t);
}
