package org.sched4j.eval;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Where a table's blocks go: straight into the memory of a contiguous FLOAT or DOUBLE vector on the CPU
 * backend (one per filling thread, each with its own staging chunk), or into a heap chunk that is then
 * assigned into any other vector.
 */
abstract class TableSink {
    /** Values per native copy: one JNI call per 64 KiB of float32. */
    private static final int CHUNK = 1 << 14;

    /** Writes {@code n} values at {@code index} (relative to the sink's first element). */
    abstract void write(long index, double[] values, int n);

    /** Writes {@code value} into {@code n} elements from {@code index}. */
    abstract void fill(long index, long n, double value);

    /** Copies what is still staged. */
    void flush() {
    }

    /** Whether {@link #direct} can write into {@code out}: the CPU backend, a whole contiguous vector. */
    static boolean directlyWritable(INDArray out) {
        DataType t = out.dataType();
        return (t == DataType.FLOAT || t == DataType.DOUBLE) && Nd4j.getEnvironment().isCPU() && out.rank() == 1
                && out.offset() == 0 && out.data().length() == out.length() && out.elementWiseStride() == 1;
    }

    /** A sink writing into {@code out}'s native memory; {@link #directlyWritable} must hold. */
    static TableSink direct(INDArray out) {
        Pointer address = out.data().addressPointer();
        if (out.dataType() == DataType.FLOAT) {
            FloatPointer p = new FloatPointer(address);
            float[] staged = new float[CHUNK];
            return new Staged(CHUNK, out) {
                @Override
                void stage(int at, double[] values, int n) {
                    for (int j = 0; j < n; j++) {
                        staged[at + j] = (float) values[j];
                    }
                }

                @Override
                void copy(long index, int n) {
                    p.position(index).put(staged, 0, n);
                }
            };
        }
        DoublePointer p = new DoublePointer(address);
        return new TableSink() {
            @Override
            void write(long index, double[] values, int n) {
                p.position(index).put(values, 0, n);
            }

            @Override
            void fill(long index, long n, double value) {
                out.get(NDArrayIndex.interval(index, index + n)).assign(value);
            }
        };
    }

    /** A sink into a heap array (shared by threads writing disjoint ranges). */
    static TableSink heap(double[] out) {
        return new TableSink() {
            @Override
            void write(long index, double[] values, int n) {
                System.arraycopy(values, 0, out, (int) index, n);
            }

            @Override
            void fill(long index, long n, double value) {
                Arrays.fill(out, (int) index, (int) (index + n), value);
            }
        };
    }

    /** Converts blocks into a chunk and copies the chunk when full or not contiguous with the next block. */
    private abstract static class Staged extends TableSink {
        private final int capacity;
        private final INDArray out;
        private long first = -1;
        private int size;

        Staged(int capacity, INDArray out) {
            this.capacity = capacity;
            this.out = out;
        }

        @Override
        void fill(long index, long n, double value) {
            out.get(NDArrayIndex.interval(index, index + n)).assign(value);
        }

        abstract void stage(int at, double[] values, int n);

        abstract void copy(long index, int n);

        @Override
        void write(long index, double[] values, int n) {
            if (size > 0 && (index != first + size || size + n > capacity)) {
                flush();
            }
            if (size == 0) {
                first = index;
            }
            stage(size, values, n);
            size += n;
        }

        @Override
        void flush() {
            if (size > 0) {
                copy(first, size);
                size = 0;
            }
        }
    }
}
