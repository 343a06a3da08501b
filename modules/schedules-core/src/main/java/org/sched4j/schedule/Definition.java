package org.sched4j.schedule;

import org.sched4j.expr.RealExpr;

/**
 * What a schedule type defines for given arguments: the value expression and, for schedules that also
 * drive momentum (cyclic, one-cycle), the momentum expression.
 *
 * @param value the scheduled value
 * @param momentum the companion momentum, or null
 */
public record Definition(RealExpr value, RealExpr momentum) {
    /** A definition without momentum. */
    public static Definition of(RealExpr value) {
        return new Definition(value, null);
    }
}
