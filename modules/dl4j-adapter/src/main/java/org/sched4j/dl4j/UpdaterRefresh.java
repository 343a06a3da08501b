package org.sched4j.dl4j;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Trainable;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Rebuilds a live network's updater after its updater configurations changed, keeping the updater state
 * (Adam's moments, Nesterovs' velocity) of every parameter.
 *
 * <p>DL4J groups consecutive parameters with equal updater configurations into blocks, and each block's
 * {@code GradientUpdater} reads the configuration object of its first parameter. Changing one layer's
 * schedule in place may therefore be ignored (the block reads another layer's configuration) or need a
 * different grouping; DL4J's own {@code NetworkUtils.refreshUpdater} does this rebuild privately.
 */
final class UpdaterRefresh {
    /** Where one parameter's state lies in a state view: {@code subs} runs of {@code length} values. */
    private record Layout(long blockStart, long blockParams, long offset, long length, long subs) {
        long start(long sub) {
            return blockStart + sub * blockParams + offset;
        }
    }

    private UpdaterRefresh() {
    }

    static void refresh(MultiLayerNetwork net) {
        if (!net.isInitCalled()) {
            return;
        }
        Updater old = net.getUpdater(false);
        if (old == null) {
            return;
        }
        net.setUpdater(null);
        copyState((BaseMultiLayerUpdater<?>) old, (BaseMultiLayerUpdater<?>) net.getUpdater(true));
    }

    static void refresh(ComputationGraph net) {
        if (net.getLayers() == null) {
            return;
        }
        BaseMultiLayerUpdater<?> old = net.getUpdater(false);
        if (old == null) {
            return;
        }
        net.setUpdater(null);
        copyState(old, net.getUpdater(true));
    }

    private static void copyState(BaseMultiLayerUpdater<?> from, BaseMultiLayerUpdater<?> to) {
        INDArray oldState = from.getStateViewArray();
        INDArray newState = to.getStateViewArray();
        if (oldState == null || newState == null) {
            if (oldState != newState) {
                throw new IllegalStateException("updater state appeared or vanished while rebuilding the updater");
            }
            return;
        }
        Map<Trainable, Map<String, Layout>> before = layouts(from.getUpdaterBlocks());
        Map<Trainable, Map<String, Layout>> after = layouts(to.getUpdaterBlocks());
        INDArray source = oldState.dup();
        INDArray target = newState.dup();
        for (Map.Entry<Trainable, Map<String, Layout>> layer : after.entrySet()) {
            for (Map.Entry<String, Layout> p : layer.getValue().entrySet()) {
                Layout b = before.getOrDefault(layer.getKey(), Map.of()).get(p.getKey());
                Layout a = p.getValue();
                if (b == null || b.length() != a.length() || b.subs() != a.subs()) {
                    throw new IllegalStateException("updater state of parameter " + p.getKey() + " changed shape "
                            + "while rebuilding the updater (was the updater type changed?)");
                }
                for (long s = 0; s < a.subs(); s++) {
                    target.get(NDArrayIndex.all(), NDArrayIndex.interval(a.start(s), a.start(s) + a.length()))
                            .assign(source.get(NDArrayIndex.all(),
                                    NDArrayIndex.interval(b.start(s), b.start(s) + b.length())));
                }
            }
        }
        to.setStateViewArray(target);
    }

    private static Map<Trainable, Map<String, Layout>> layouts(List<UpdaterBlock> blocks) {
        Map<Trainable, Map<String, Layout>> out = new IdentityHashMap<>();
        for (UpdaterBlock block : blocks) {
            long params = block.getParamOffsetEnd() - block.getParamOffsetStart();
            long state = block.getUpdaterViewOffsetEnd() - block.getUpdaterViewOffsetStart();
            long subs = params == 0 ? 0 : state / params;
            long offset = 0;
            for (UpdaterBlock.ParamState p : block.getLayersAndVariablesInBlock()) {
                long length = p.getParamOffsetEnd() - p.getParamOffsetStart();
                out.computeIfAbsent(p.getLayer(), k -> new HashMap<>()).put(p.getParamName(),
                        new Layout(block.getUpdaterViewOffsetStart(), params, offset, length, subs));
                offset += length;
            }
        }
        return out;
    }
}
