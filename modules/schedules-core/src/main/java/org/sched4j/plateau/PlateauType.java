package org.sched4j.plateau;

import java.util.ArrayList;
import java.util.List;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.schedule.ObservingType;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * Base of the plateau types (native {@code plateau}, {@code torch.ReduceLROnPlateau}): the value is the
 * current value held in the {@code state} argument; {@link #observe} moves the state by the rule.
 */
public abstract class PlateauType extends BaseType implements ObservingType {
    /** The argument holding the state. */
    public static final String STATE = "state";

    /** A plateau type with its own arguments followed by {@code state}. */
    protected PlateauType(String name, String summary, Param... own) {
        super(name, summary, withState(own));
    }

    private static Param[] withState(Param[] own) {
        List<Param> all = new ArrayList<>(List.of(own));
        all.add(Param.codec(STATE, PlateauState.CODEC).optional(PlateauState.FRESH));
        return all.toArray(new Param[0]);
    }

    /** The value before any reduction. */
    protected abstract double initial(Args a);

    /** The reduction rule given by the arguments. */
    protected abstract PlateauRule rule(Args a);

    /** The state held in the arguments. */
    public static PlateauState state(Args a) {
        return a.value(STATE, PlateauState.class);
    }

    @Override
    public Definition define(Args a, IntExpr step) {
        return Definition.of(Ex.real(state(a).valueOr(initial(a))));
    }

    @Override
    public Args observe(Args a, double metric) {
        return a.with(STATE, rule(a).observe(state(a), metric, initial(a)));
    }
}
