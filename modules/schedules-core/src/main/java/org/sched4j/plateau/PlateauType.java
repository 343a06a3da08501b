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

    private final String initialName;
    private final String minName;

    /**
     * A plateau type whose initial value is {@code initial} and whose floor is named {@code minName}, with
     * PyTorch ReduceLROnPlateau's other arguments and defaults, then {@code state}.
     */
    protected PlateauType(String name, String summary, Param initial, String minName) {
        super(name, summary, params(initial, minName));
        this.initialName = initial.name();
        this.minName = minName;
    }

    private static Param[] params(Param initial, String minName) {
        List<Param> all = new ArrayList<>(List.of(initial, Param.choice("mode", "min", "max").optional("min"),
                Param.real("factor").atLeast(0).lessThan(1).optional(0.1),
                Param.integer("patience").atLeast(0).optional(10),
                Param.real("threshold").atLeast(0).optional(1e-4),
                Param.choice("threshold_mode", "rel", "abs").optional("rel"),
                Param.integer("cooldown").atLeast(0).optional(0), Param.real(minName).atLeast(0).optional(0.0),
                Param.real("eps").atLeast(0).optional(1e-8)));
        all.add(Param.codec(STATE, PlateauState.CODEC).optional(PlateauState.FRESH));
        return all.toArray(new Param[0]);
    }

    /** The value before any reduction. */
    private double initial(Args a) {
        return a.real(initialName);
    }

    /** The reduction rule given by the arguments. */
    private PlateauRule rule(Args a) {
        return new PlateauRule(a.choice("mode").equals("max"), a.real("factor"), a.integer("patience"),
                a.real("threshold"), a.choice("threshold_mode").equals("rel"), a.integer("cooldown"),
                a.real(minName), a.real("eps"));
    }

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
