package org.sched4j.dialect.dl4j;

import static org.sched4j.expr.Ex.add;
import static org.sched4j.expr.Ex.div;
import static org.sched4j.expr.Ex.lt;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.select;
import static org.sched4j.expr.Ex.toReal;

import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * {@code dl4j.Ramp}: DL4J's {@code RampSchedule(baseSchedule, numIter)}, the base scaled by
 * {@code (t + 1) / numIter} while {@code t < numIter - 1}, then the base itself. The base is any nested spec,
 * evaluated at the same step.
 */
final class Dl4jRamp extends BaseType {
    Dl4jRamp() {
        super("dl4j.Ramp", "baseSchedule * (t + 1) / numIter for t < numIter - 1, then baseSchedule",
                Param.schedule("baseSchedule"), Param.integer("numIter").atLeast(1));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        long numIter = a.integer("numIter");
        RealExpr base = a.schedule("baseSchedule", Schedule.class).define(t).value();
        RealExpr fraction = div(toReal(add(t, 1)), real(numIter));
        return Definition.of(select(lt(t, numIter - 1), mul(fraction, base), base));
    }
}
