package org.sched4j.dialect.mindspore;

import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * Base of the {@code mindspore.*} dialect: the name prefix, MindSpore's argument rules (its
 * {@code check_positive_int}, {@code check_positive_float}, {@code check_non_negative_float}) and one value
 * expression per type.
 */
abstract class MindSporeSchedule extends BaseType {
    static final Param LEARNING_RATE = Param.real("learning_rate").greaterThan(0);
    static final Param DECAY_RATE = Param.real("decay_rate").greaterThan(0);
    static final Param IS_STAIR = Param.bool("is_stair").optional(false);
    static final Param MIN_LR = Param.real("min_lr").atLeast(0);
    static final Param MAX_LR = Param.real("max_lr").greaterThan(0);
    static final Param END_LEARNING_RATE = Param.real("end_learning_rate").atLeast(0);
    static final Param POWER = Param.real("power").greaterThan(0);

    MindSporeSchedule(String name, String summary, Param... params) {
        super("mindspore." + name, summary, params);
    }

    /** A positive whole number, as MindSpore's {@code check_positive_int}. */
    static Param positiveInt(String name) {
        return Param.integer(name).greaterThan(0);
    }

    /** MindSpore's cosine rule: {@code min_lr < max_lr}, reported on {@code max_lr} as MindSpore does. */
    static void checkMinBelowMax(Args a) {
        double min = a.real("min_lr");
        double max = a.real("max_lr");
        if (min >= max) {
            throw new SpecException("max_lr", "must be greater than min_lr (got max_lr " + max + ", min_lr " + min
                    + ")");
        }
    }

    @Override
    public final Definition define(Args a, IntExpr t) {
        return Definition.of(value(a, t));
    }

    /** The learning rate at step {@code t}. */
    abstract RealExpr value(Args a, IntExpr t);
}
