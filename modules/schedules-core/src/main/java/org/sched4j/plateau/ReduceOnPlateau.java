package org.sched4j.plateau;

import org.sched4j.spec.Param;

/**
 * {@code plateau}: starts at {@code initial} and multiplies by {@code factor} whenever the observed metric
 * stops improving for more than {@code patience} observations (PyTorch's ReduceLROnPlateau rules).
 */
public final class ReduceOnPlateau extends PlateauType {
    ReduceOnPlateau() {
        super("plateau", "initial, times factor after each plateau of more than patience observations",
                Param.real("initial").atLeast(0), "min_value");
    }
}
