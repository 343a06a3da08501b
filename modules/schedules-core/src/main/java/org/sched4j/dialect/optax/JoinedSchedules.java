package org.sched4j.dialect.optax;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sched4j.catalog.SequentialJoin;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/** Optax's {@code join_schedules} and the warm-restart schedule joined from warmup-cosine cycles. */
final class JoinedSchedules {
    private JoinedSchedules() {
    }

    /** {@code optax.join_schedules(schedules, boundaries)}: schedule i+1 sees {@code t - boundaries[i]}. */
    static final class Join extends OptaxSchedule {
        Join() {
            super("join_schedules", "schedules[0], then from each boundary on schedules[i + 1] at step "
                    + "t - boundaries[i]", Param.schedules("schedules").minSize(1), Param.integers("boundaries"));
        }

        @Override
        public void check(Args a) {
            SequentialJoin.checkCounts(a.nested("schedules", Schedule.class).size(), a.integers("boundaries").length,
                    "boundaries");
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            List<Function<IntExpr, RealExpr>> parts = new ArrayList<>();
            for (Schedule child : a.nested("schedules", Schedule.class)) {
                parts.add(local -> child.define(local).value());
            }
            return OptaxShapes.join(parts, a.integers("boundaries"), t);
        }
    }

    /**
     * {@code optax.sgdr_schedule(cosine_kwargs)}: one warmup_cosine_decay_schedule per entry, each lasting its
     * {@code decay_steps} (warmup included); the last one holds its end value.
     */
    static final class Sgdr extends OptaxSchedule {
        Sgdr() {
            super("sgdr_schedule", "warmup_cosine_decay_schedule cycles, each restarting after its decay_steps",
                    Param.records("cosine_kwargs", DecaySchedules.WARMUP_COSINE_PARAMS.toArray(new Param[0]))
                            .minSize(1));
        }

        /** The cumulative decay_steps of every cycle but the last: where each next cycle starts. */
        private static long[] boundaries(List<Args> cycles) {
            long[] out = new long[cycles.size() - 1];
            long step = 0;
            for (int i = 0; i < out.length; i++) {
                step += cycles.get(i).integer("decay_steps");
                if (Math.abs(step) > 1L << 53) {
                    throw new SpecException("cosine_kwargs[" + i + "].decay_steps", "ends cycle " + i + " at step "
                            + step + ", past +-2^53");
                }
                out[i] = step;
            }
            return out;
        }

        @Override
        public void check(Args a) {
            List<Args> cycles = a.records("cosine_kwargs");
            for (int i = 0; i < cycles.size(); i++) {
                DecaySchedules.checkWarmupCosine(cycles.get(i), "cosine_kwargs[" + i + "].");
            }
            boundaries(cycles);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            List<Args> cycles = a.records("cosine_kwargs");
            List<Function<IntExpr, RealExpr>> parts = new ArrayList<>();
            for (Args cycle : cycles) {
                parts.add(local -> DecaySchedules.warmupCosine(cycle, local));
            }
            return OptaxShapes.join(parts, boundaries(cycles), t);
        }
    }
}
