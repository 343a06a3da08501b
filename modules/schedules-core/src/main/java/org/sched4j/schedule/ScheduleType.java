package org.sched4j.schedule;

import java.util.List;
import org.sched4j.expr.IntExpr;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * A kind of schedule, defined once: its spec name, its declared arguments, and a pure function from
 * validated arguments and a step expression to the value expression. Every evaluator derives from that.
 */
public interface ScheduleType {
    /** The spec {@code "type"} name, e.g. {@code cosine} or {@code torch.StepLR}. */
    String name();

    /** One line saying what the schedule does. */
    String summary();

    /** The declared arguments, in the order they are written back. */
    List<Param> params();

    /** Rules that involve several arguments; throws {@link org.sched4j.spec.SpecException} naming one. */
    default void check(Args args) {
    }

    /** The schedule's value (and momentum, if it drives one) as expressions of {@code step}. */
    Definition define(Args args, IntExpr step);
}
