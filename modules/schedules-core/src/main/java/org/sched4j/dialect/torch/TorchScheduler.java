package org.sched4j.dialect.torch;

import java.util.ArrayList;
import java.util.List;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * Base of the {@code torch.*} dialect: every PyTorch scheduler takes the optimizer's base {@code lr} and a
 * {@code last_epoch}; a resumed scheduler ({@code last_epoch = k >= 0}) starts at its value for step k + 1,
 * as PyTorch's constructor steps once.
 */
abstract class TorchScheduler extends BaseType {
    static final Param LR = Param.real("lr").atLeast(0);
    static final Param LAST_EPOCH = Param.integer("last_epoch").atLeast(-1).optional(-1);

    TorchScheduler(String name, String summary, Param... own) {
        super("torch." + name, summary, withCommon(own));
    }

    private static Param[] withCommon(Param[] own) {
        List<Param> all = new ArrayList<>();
        all.add(LR);
        all.addAll(List.of(own));
        all.add(LAST_EPOCH);
        return all.toArray(new Param[0]);
    }

    @Override
    public final Definition define(Args a, IntExpr t) {
        return resumed(a, a.real("lr"), t, a.integer("last_epoch"));
    }

    /**
     * The definition at step {@code t} of a scheduler built with {@code last_epoch}: by default the closed
     * form at PyTorch's step count {@code t + last_epoch + 1}. Schedulers whose resume PyTorch computes
     * differently override this.
     */
    Definition resumed(Args a, double lr, IntExpr t, long lastEpoch) {
        return definition(a, lr, lastEpoch >= 0 ? Ex.add(t, lastEpoch + 1) : t);
    }

    /** The closed form at PyTorch's step count {@code t}: the rate and, for cycling schedulers, momentum. */
    Definition definition(Args a, double lr, IntExpr t) {
        return Definition.of(value(a, lr, t));
    }

    /** The closed form of the learning rate at PyTorch's step count {@code t}. */
    abstract RealExpr value(Args a, double lr, IntExpr t);
}
