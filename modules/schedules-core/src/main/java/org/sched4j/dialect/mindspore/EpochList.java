package org.sched4j.dialect.mindspore;

import static org.sched4j.expr.Ex.floorDiv;
import static org.sched4j.expr.Ex.min;

import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * Base of MindSpore's {@code nn.dynamic_lr} lists that take {@code total_step} and {@code step_per_epoch}:
 * entry {@code i} is a formula of the epoch {@code e = floor(i / step_per_epoch)}. MindSpore's list ends at
 * {@code total_step}; past its end the schedule holds the last entry (what an optimizer given the list as
 * a DL4J schedule should keep using).
 */
abstract class EpochList extends MindSporeSchedule {
    static final Param TOTAL_STEP = positiveInt("total_step");
    static final Param STEP_PER_EPOCH = positiveInt("step_per_epoch");

    EpochList(String name, String summary, Param... params) {
        super(name, summary, params);
    }

    @Override
    final RealExpr value(Args a, IntExpr t) {
        IntExpr entry = min(t, a.integer("total_step") - 1);
        return atEpoch(a, floorDiv(entry, a.integer("step_per_epoch")));
    }

    /** The list entry for epoch {@code e}. */
    abstract RealExpr atEpoch(Args a, IntExpr e);
}
