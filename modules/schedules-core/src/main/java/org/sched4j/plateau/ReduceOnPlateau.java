package org.sched4j.plateau;

import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * {@code plateau}: starts at {@code initial} and multiplies by {@code factor} whenever the observed metric
 * stops improving for more than {@code patience} observations (PyTorch's ReduceLROnPlateau rules).
 */
public final class ReduceOnPlateau extends PlateauType {
    ReduceOnPlateau() {
        super("plateau", "initial, times factor after each plateau of more than patience observations",
                Param.real("initial").atLeast(0), Param.choice("mode", "min", "max").optional("min"),
                Param.real("factor").atLeast(0).optional(0.1).lessThan(1),
                Param.integer("patience").atLeast(0).optional(10),
                Param.real("threshold").atLeast(0).optional(1e-4),
                Param.choice("threshold_mode", "rel", "abs").optional("rel"),
                Param.integer("cooldown").atLeast(0).optional(0), Param.real("min_value").atLeast(0).optional(0.0),
                Param.real("eps").atLeast(0).optional(1e-8));
    }

    @Override
    protected double initial(Args a) {
        return a.real("initial");
    }

    @Override
    protected PlateauRule rule(Args a) {
        return new PlateauRule(a.choice("mode").equals("max"), a.real("factor"), a.integer("patience"),
                a.real("threshold"), a.choice("threshold_mode").equals("rel"), a.integer("cooldown"),
                a.real("min_value"), a.real("eps"));
    }
}
