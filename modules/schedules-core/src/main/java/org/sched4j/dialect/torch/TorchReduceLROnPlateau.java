package org.sched4j.dialect.torch;

import org.sched4j.plateau.PlateauType;

/**
 * {@code torch.ReduceLROnPlateau(mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps)}:
 * PyTorch 1.13's rules (and its check {@code factor < 1}), fed one metric per {@code step(metrics)} call
 * through {@code observe}.
 */
final class TorchReduceLROnPlateau extends PlateauType {
    TorchReduceLROnPlateau() {
        super("torch.ReduceLROnPlateau", "lr, times factor after more than patience epochs without improvement",
                TorchScheduler.LR, "min_lr");
    }
}
