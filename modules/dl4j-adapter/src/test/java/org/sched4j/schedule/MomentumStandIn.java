package org.sched4j.schedule;

import java.util.Map;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.Args;

/**
 * Test stand-in for a schedule that drives momentum (the cyclic and one-cycle types are added on another
 * branch): a sawtooth of period 10, lr = 0.01 * (1 + t mod 10), momentum = 0.95 - 0.01 * (t mod 10). Not
 * registered, so it cannot be written to or read from JSON; it only exercises the wiring.
 */
public final class MomentumStandIn {
    private MomentumStandIn() {
    }

    /** The stand-in schedule. */
    public static Schedule sawtooth() {
        BaseType type = new BaseType("test.sawtooth", "test only") {
            @Override
            public Definition define(Args args, IntExpr step) {
                RealExpr phase = Ex.toReal(Ex.floorMod(step, 10));
                return new Definition(Ex.mul(Ex.real(0.01), Ex.add(Ex.real(1), phase)),
                        Ex.sub(Ex.real(0.95), Ex.mul(Ex.real(0.01), phase)));
            }
        };
        return new Schedule(type, new Args(Map.of()), Unit.ITERATION);
    }
}
