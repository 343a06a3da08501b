package org.sched4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.schedule.ObservingType;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleType;
import org.sched4j.schedule.ScheduleTypes;

/**
 * Property: for every schedule type with random arguments (each agreement spec perturbed by
 * {@link SpecPerturber}), the SameDiff graph agrees with the scalar evaluator within 2e-6 relative, in float
 * or double, at steps spread over {@code 0 .. 2^31 - 1}. Each try builds one graph holding every perturbed
 * schedule on one INT64 step vector and runs it in one call.
 */
class GraphPropertyTest {
    private static final long MAX_INT_STEP = Integer.MAX_VALUE;
    private static final double TOLERANCE = 2e-6;

    private static final List<String> SPECS = AgreementSpecs.stepFunctions();
    /** Types that came out of the generator as a valid spec different from the agreement file's. */
    private static final Set<String> PERTURBED = ConcurrentHashMap.newKeySet();

    @Provide
    Arbitrary<List<String>> perturbedSpecs() {
        List<Arbitrary<String>> each = new ArrayList<>();
        for (String spec : SPECS) {
            each.add(Arbitraries.randomValue(random -> SpecPerturber.perturb(spec, random)));
        }
        return Combinators.combine(each).as(List::copyOf);
    }

    @Provide
    Arbitrary<long[]> steps() {
        Arbitrary<Long> anywhere = Arbitraries.longs().between(0, MAX_INT_STEP);
        Arbitrary<Long> smallFirst = Arbitraries.longs().between(0, MAX_INT_STEP)
                .withDistribution(net.jqwik.api.RandomDistribution.biased());
        Arbitrary<Long> nearFloat32Limit = Arbitraries.longs().between((1L << 24) - 64, (1L << 24) + 64);
        return Arbitraries.oneOf(anywhere, smallFirst, nearFloat32Limit).array(long[].class).ofMinSize(1)
                .ofMaxSize(48);
    }

    @Property(tries = 16)
    void graphAgreesWithScalarForRandomArguments(@ForAll("perturbedSpecs") List<String> specs,
            @ForAll("steps") long[] steps, @ForAll boolean inFloat, @ForAll boolean formula) {
        DataType type = inFloat ? DataType.FLOAT : DataType.DOUBLE;
        SameDiff sd = SameDiff.create();
        SDVariable step = sd.placeHolder("step", DataType.INT64, -1);
        List<Schedule> schedules = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Schedule s = Schedule.parse(specs.get(i));
            schedules.add(s);
            if (!Schedule.parse(SPECS.get(i)).equals(s)) {
                PERTURBED.add(s.type().name());
            }
            names.add((formula ? s.toGraphFormula(sd, step, type) : s.toGraph(sd, step, type)).name());
        }
        Map<String, INDArray> values = sd.output(Map.of("step", Nd4j.createFromArray(steps)), names);
        for (int i = 0; i < schedules.size(); i++) {
            Schedule s = schedules.get(i);
            INDArray out = values.get(names.get(i));
            assertThat(out.dataType()).isEqualTo(type);
            double[] graph = out.castTo(DataType.DOUBLE).toDoubleVector();
            for (int k = 0; k < steps.length; k++) {
                check(s, steps[k], inFloat, s.value(steps[k]), graph[k]);
            }
        }
    }

    /**
     * Relative agreement; a value beyond float range must be the matching infinity in float, and a value
     * below float's normal range may differ by float's smallest normal.
     */
    private static void check(Schedule s, long step, boolean inFloat, double expected, double actual) {
        if (Double.compare(expected, actual) == 0) {
            return;
        }
        boolean ok;
        if (inFloat && Math.abs(expected) > Float.MAX_VALUE) {
            ok = actual == (float) expected;
        } else {
            double slack = inFloat ? Float.MIN_NORMAL : Double.MIN_NORMAL;
            ok = Math.abs(actual - expected) <= TOLERANCE * Math.abs(expected) + slack;
        }
        if (!ok) {
            fail(s.toJson() + " at step " + step + (inFloat ? " (float)" : " (double)") + ": scalar " + expected
                    + ", graph " + actual);
        }
    }

    /** The generator reached every registered step-function type, each with arguments of its own. */
    @AfterContainer
    static void everyTypeWasGenerated() {
        List<String> expected = new ArrayList<>();
        for (ScheduleType t : ScheduleTypes.all()) {
            if (!(t instanceof ObservingType)) {
                expected.add(t.name());
            }
        }
        assertThat(PERTURBED).as("types generated with perturbed arguments").containsAll(expected);
    }
}
