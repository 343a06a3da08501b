package org.sched4j.dialect.dl4j;

import static org.sched4j.expr.Ex.add;
import static org.sched4j.expr.Ex.floorMod;
import static org.sched4j.expr.Ex.lt;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.pow;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.select;
import static org.sched4j.expr.Ex.sub;
import static org.sched4j.expr.Ex.toReal;

import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * {@code dl4j.Cycle}: DL4J's {@code CycleSchedule}. With {@code p = t mod cycleLength} and
 * {@code s = (cycleLength - annealingLength) / 2} (integer division): up from initialLearningRate by
 * {@code (max - initial) / s} per step while {@code p < s}, back down while {@code p < 2s}, then the
 * annealing tail {@code initial * annealingDecay^(p - (cycleLength - annealingLength))}. The whole cycle
 * repeats; when {@code cycleLength - annealingLength} is odd the tail starts one step early at exponent -1.
 */
final class Dl4jCycle extends BaseType {
    Dl4jCycle() {
        super("dl4j.Cycle", "triangle from initialLearningRate to maxLearningRate and back, then the annealing "
                + "tail initialLearningRate * annealingDecay^k; repeats every cycleLength steps",
                Param.real("initialLearningRate"), Param.real("maxLearningRate"),
                Param.integer("cycleLength").atLeast(1), Param.integer("annealingLength").atLeast(0),
                Param.real("annealingDecay").atLeast(0));
    }

    @Override
    public void check(Args a) {
        long cycle = a.integer("cycleLength");
        long annealing = a.integer("annealingLength");
        if (annealing > cycle) {
            throw new SpecException("annealingLength", "must be <= cycleLength " + cycle + " (got " + annealing + ")");
        }
        if (a.real("annealingDecay") == 0 && (cycle - annealing) % 2 == 1) {
            throw new SpecException("annealingDecay", "must be > 0 when cycleLength - annealingLength is odd (the "
                    + "tail then starts at annealingDecay^-1)");
        }
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        double initial = a.real("initialLearningRate");
        double max = a.real("maxLearningRate");
        long cycle = a.integer("cycleLength");
        long rising = cycle - a.integer("annealingLength");
        long size = rising / 2;
        IntExpr p = floorMod(t, cycle);
        RealExpr tail = mul(real(initial), pow(real(a.real("annealingDecay")), toReal(sub(p, rising))));
        if (size == 0) {
            return Definition.of(tail);
        }
        double increment = (max - initial) / size;
        RealExpr up = add(real(initial), mul(real(increment), toReal(p)));
        RealExpr down = sub(real(max), mul(real(increment), toReal(sub(p, size))));
        RealExpr triangle = select(lt(p, size), up, down);
        return Definition.of(2 * size == cycle ? triangle : select(lt(p, 2 * size), triangle, tail));
    }
}
