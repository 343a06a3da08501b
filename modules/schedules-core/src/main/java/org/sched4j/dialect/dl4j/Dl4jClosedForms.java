package org.sched4j.dialect.dl4j;

import static org.sched4j.expr.Ex.add;
import static org.sched4j.expr.Ex.div;
import static org.sched4j.expr.Ex.exp;
import static org.sched4j.expr.Ex.floor;
import static org.sched4j.expr.Ex.lt;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.pow;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.select;
import static org.sched4j.expr.Ex.sub;
import static org.sched4j.expr.Ex.toReal;

import org.sched4j.catalog.Shapes;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * The one-line {@code dl4j.*} types: each is DL4J's {@code valueAt} written operation for operation in the
 * same double arithmetic, so the scalar evaluator returns DL4J's bits for every int step.
 */
final class Dl4jClosedForms {
    static final Param INITIAL_VALUE = Param.real("initialValue");

    /** The largest step divisor handled by exact integer floor division. */
    private static final double MAX_INTEGER_DIVISOR = 0x1p62;

    private Dl4jClosedForms() {
    }

    /** {@code ExponentialSchedule(initialValue, gamma)}: {@code initialValue * gamma^t}. */
    static final class Exponential extends BaseType {
        Exponential() {
            super("dl4j.Exponential", "initialValue * gamma^t", INITIAL_VALUE, Param.real("gamma").atLeast(0));
        }

        @Override
        public Definition define(Args a, IntExpr t) {
            return Definition.of(Shapes.exponential(a.real("initialValue"), t, a.real("gamma"), 1, false));
        }
    }

    /**
     * {@code StepSchedule(initialValue, decayRate, step)}: {@code initialValue * decayRate^floor(t / step)}.
     * DL4J's {@code step} is a double; a whole step is divided exactly on the integer step (equal to DL4J's
     * double quotient below 2^53), a fractional one in double exactly as DL4J does.
     */
    static final class Step extends BaseType {
        Step() {
            super("dl4j.Step", "initialValue * decayRate^floor(t / step)", INITIAL_VALUE,
                    Param.real("decayRate").atLeast(0), Param.real("step").greaterThan(0));
        }

        @Override
        public Definition define(Args a, IntExpr t) {
            double init = a.real("initialValue");
            double rate = a.real("decayRate");
            double step = a.real("step");
            if (step == Math.rint(step) && step <= MAX_INTEGER_DIVISOR) {
                return Definition.of(Shapes.stepDecay(init, t, (long) step, rate));
            }
            return Definition.of(mul(real(init), pow(real(rate), floor(div(toReal(t), real(step))))));
        }
    }

    /** {@code InverseSchedule(initialValue, gamma, power)}: {@code initialValue / (1 + gamma * t)^power}. */
    static final class Inverse extends BaseType {
        Inverse() {
            super("dl4j.Inverse", "initialValue / (1 + gamma * t)^power", INITIAL_VALUE,
                    Param.real("gamma").atLeast(0), Param.real("power"));
        }

        @Override
        public Definition define(Args a, IntExpr t) {
            RealExpr base = add(real(1), mul(real(a.real("gamma")), toReal(t)));
            return Definition.of(div(real(a.real("initialValue")), pow(base, real(a.real("power")))));
        }
    }

    /**
     * {@code PolySchedule(initialValue, power, maxIter)}: {@code initialValue * (1 + t / maxIter)^power} before
     * maxIter, 0 from maxIter on. DL4J's formula grows where the textbook one decays (a bug, kept on purpose).
     */
    static final class Poly extends BaseType {
        Poly() {
            super("dl4j.Poly", "initialValue * (1 + t / maxIter)^power for t < maxIter, then 0 (grows: DL4J's bug)",
                    INITIAL_VALUE, Param.real("power"), Param.integer("maxIter").atLeast(1));
        }

        @Override
        public Definition define(Args a, IntExpr t) {
            long maxIter = a.integer("maxIter");
            RealExpr base = add(real(1), div(toReal(t), real(maxIter)));
            RealExpr grown = mul(real(a.real("initialValue")), pow(base, real(a.real("power"))));
            return Definition.of(select(lt(t, maxIter), grown, real(0)));
        }
    }

    /**
     * {@code SigmoidSchedule(initialValue, gamma, stepSize)}:
     * {@code initialValue / (1 + exp(-gamma * (t - stepSize)))}; rises for gamma > 0, falls for gamma < 0.
     */
    static final class Sigmoid extends BaseType {
        Sigmoid() {
            super("dl4j.Sigmoid", "initialValue / (1 + exp(-gamma * (t - stepSize)))", INITIAL_VALUE,
                    Param.real("gamma"), Param.integer("stepSize"));
        }

        @Override
        public Definition define(Args a, IntExpr t) {
            RealExpr e = exp(mul(real(-a.real("gamma")), toReal(sub(t, a.integer("stepSize")))));
            return Definition.of(div(real(a.real("initialValue")), add(real(1), e)));
        }
    }

    /** {@code FixedSchedule(value)}: the same value at every step. */
    static final class Fixed extends BaseType {
        Fixed() {
            super("dl4j.Fixed", "value", Param.real("value"));
        }

        @Override
        public Definition define(Args a, IntExpr t) {
            return Definition.of(real(a.real("value")));
        }
    }
}
