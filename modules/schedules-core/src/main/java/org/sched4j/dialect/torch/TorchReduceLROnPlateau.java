package org.sched4j.dialect.torch;

import org.sched4j.plateau.PlateauRule;
import org.sched4j.plateau.PlateauType;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * {@code torch.ReduceLROnPlateau(mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps)}:
 * PyTorch 1.13's rules, fed one metric per {@code step(metrics)} call through {@code observe}.
 */
final class TorchReduceLROnPlateau extends PlateauType {
    TorchReduceLROnPlateau() {
        super("torch.ReduceLROnPlateau", "lr, times factor after more than patience epochs without improvement",
                TorchScheduler.LR, Param.choice("mode", "min", "max").optional("min"),
                Param.real("factor").atLeast(0).lessThan(1).optional(0.1),
                Param.integer("patience").atLeast(0).optional(10),
                Param.real("threshold").atLeast(0).optional(1e-4),
                Param.choice("threshold_mode", "rel", "abs").optional("rel"),
                Param.integer("cooldown").atLeast(0).optional(0), Param.real("min_lr").atLeast(0).optional(0.0),
                Param.real("eps").atLeast(0).optional(1e-8));
    }

    @Override
    protected double initial(Args a) {
        return a.real("lr");
    }

    @Override
    protected PlateauRule rule(Args a) {
        return new PlateauRule(a.choice("mode").equals("max"), a.real("factor"), a.integer("patience"),
                a.real("threshold"), a.choice("threshold_mode").equals("rel"), a.integer("cooldown"),
                a.real("min_lr"), a.real("eps"));
    }
}
