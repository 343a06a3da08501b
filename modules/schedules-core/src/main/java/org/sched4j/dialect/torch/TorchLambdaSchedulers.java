package org.sched4j.dialect.torch;

import java.util.List;
import java.util.Set;
import org.sched4j.catalog.Shapes;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.expr.parse.ExpressionParser;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * PyTorch's schedulers built from user functions ({@code LambdaLR}, {@code MultiplicativeLR}) and from other
 * schedulers ({@code ChainedScheduler}). A Python lambda is written as its body in the expression language of
 * {@link ExpressionParser}, with {@code step} (or {@code epoch}, the same count here) as its argument.
 */
final class TorchLambdaSchedulers {
    private static final String LR_LAMBDA = "lr_lambda";

    private TorchLambdaSchedulers() {
    }

    /**
     * The children of {@code torch.SequentialLR} that PyTorch 1.13 cannot restart at a milestone: its
     * constructor sets {@code last_epoch} on every child (ChainedScheduler has none), and {@code step(0)} on a
     * MultiplicativeLR keeps the lr reached instead of returning to the base lr.
     */
    static void checkSequentialChild(String type, int index) {
        String field = "schedulers[" + index + "].type";
        if (type.equals("torch.ChainedScheduler")) {
            throw new SpecException(field, "torch.ChainedScheduler cannot be a child of torch.SequentialLR "
                    + "(PyTorch 1.13 fails: it has no last_epoch)");
        }
        if (type.equals("torch.MultiplicativeLR") && index > 0) {
            throw new SpecException(field, "torch.MultiplicativeLR can only be the first child of "
                    + "torch.SequentialLR: at a milestone PyTorch continues it from the lr reached instead of "
                    + "restarting it from the base lr, which this port does not reproduce (torch.ExponentialLR "
                    + "with gamma = the factor restarts from the base lr)");
        }
    }

    private static RealExpr lambda(Args a, IntExpr t) {
        return ExpressionParser.parse(LR_LAMBDA, a.string(LR_LAMBDA), t, 1);
    }

    /** {@code torch.LambdaLR(lr_lambda)}: {@code lr * f(t)}. */
    static final class LambdaLR extends TorchScheduler {
        LambdaLR() {
            super("LambdaLR", "lr * lr_lambda(t)", Param.string(LR_LAMBDA));
        }

        @Override
        public void check(Args a) {
            lambda(a, Ex.step());
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            return Ex.mul(Ex.real(lr), lambda(a, t));
        }
    }

    /**
     * {@code torch.MultiplicativeLR(lr_lambda)}: {@code lr_t = lr_{t-1} * f(t)} for {@code t > 0}, which is
     * {@code lr * f^t} for a constant {@code f}. A step-dependent {@code f} gives {@code lr * f(1) * ... * f(t)},
     * a running product with no closed form, so it is refused.
     */
    static final class MultiplicativeLR extends TorchScheduler {
        MultiplicativeLR() {
            super("MultiplicativeLR", "lr * lr_lambda^t (lr_lambda must not depend on the step)",
                    Param.string(LR_LAMBDA));
        }

        @Override
        public void check(Args a) {
            if (!ExpressionParser.isConstant(LR_LAMBDA, a.string(LR_LAMBDA))) {
                throw new SpecException(LR_LAMBDA, "must not depend on step: MultiplicativeLR multiplies the lr "
                        + "by f(1) * f(2) * ... * f(t), a running product with no closed form for a step-dependent "
                        + "f; write the cumulative factor as a torch.LambdaLR instead (f = 0.95 is LambdaLR "
                        + "\"0.95 ** step\")");
            }
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            double f = ((RealExpr.Const) lambda(a, Ex.step())).value();
            return Shapes.exponential(lr, t, f, 1, false);
        }
    }

    /**
     * {@code torch.ChainedScheduler(schedulers)}: every child steps on each call, so their factors multiply:
     * {@code lr * prod(child_i(t) / lr)}. That product is exact only for children whose PyTorch update multiplies
     * the current lr by a factor of the step alone; the others are refused.
     */
    static final class ChainedScheduler extends BaseType {
        /** The torch schedulers whose chainable update is {@code lr *= factor(t)}. */
        static final Set<String> MULTIPLICATIVE = Set.of("torch.StepLR", "torch.MultiStepLR", "torch.ExponentialLR",
                "torch.ConstantLR", "torch.LinearLR", "torch.PolynomialLR", "torch.MultiplicativeLR",
                "torch.ChainedScheduler");

        ChainedScheduler() {
            super("torch.ChainedScheduler", "lr * product of schedulers[i](t) / lr", TorchScheduler.LR,
                    Param.schedules("schedulers").minSize(1).inheriting("lr"));
        }

        @Override
        public void check(Args a) {
            List<Schedule> children = a.nested("schedulers", Schedule.class);
            for (int i = 0; i < children.size(); i++) {
                Schedule c = children.get(i);
                String type = c.type().name();
                if (!type.startsWith("torch.")) {
                    throw new SpecException("schedulers[" + i + "].type", "must be a torch.* scheduler (got " + type
                            + ")");
                }
                if (!MULTIPLICATIVE.contains(type)) {
                    throw new SpecException("schedulers[" + i + "].type", type + " cannot be chained exactly: its "
                            + "PyTorch update sets the lr (or adds to it) instead of multiplying it by a factor, so "
                            + "the result depends on the order of the children; allowed: "
                            + String.join(", ", MULTIPLICATIVE.stream().sorted().toList())
                            + " (for other products use the \"product\" composition)");
                }
                if (c.args().real("lr") != a.real("lr")) {
                    throw new SpecException("schedulers[" + i + "].lr", "must equal the optimizer's lr "
                            + a.real("lr") + " (all schedulers share one optimizer)");
                }
            }
        }

        @Override
        public Definition define(Args a, IntExpr t) {
            double lr = a.real("lr");
            if (lr == 0) {
                return Definition.of(Ex.real(0));
            }
            RealExpr value = Ex.real(lr);
            for (Schedule child : a.nested("schedulers", Schedule.class)) {
                value = Ex.mul(value, Ex.div(child.define(t).value(), Ex.real(lr)));
            }
            return Definition.of(value);
        }
    }
}
