package org.sched4j.eval;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
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
 * backend (one sink per filling thread), or into a heap array that is then assigned into any other vector.
 */
abstract class TableSink {
    /** Elements per NIO window onto native memory: a window's size in bytes must fit an {@code int}. */
    static final long WINDOW = 1L << 28;

    /** Writes {@code n} values at {@code index} (relative to the sink's first element). */
    abstract void write(long index, double[] values, int n);

    /** Writes the current block of {@code column} ({@code n} values) at {@code index}. */
    void write(long index, RealColumn column, int n) {
        write(index, column.values(), n);
    }

    /** Writes {@code value} into {@code n} elements from {@code index}. */
    abstract void fill(long index, long n, double value);

    /** Whether {@link #direct} can write into {@code out}: the CPU backend, a whole contiguous vector. */
    static boolean directlyWritable(INDArray out) {
        DataType t = out.dataType();
        return (t == DataType.FLOAT || t == DataType.DOUBLE) && Nd4j.getEnvironment().isCPU() && out.rank() == 1
                && out.offset() == 0 && out.data().length() == out.length() && out.elementWiseStride() == 1;
    }

    /**
     * A sink writing into {@code out}'s native memory through direct NIO buffers (a bulk put is a memory copy
     * the JIT emits inline, where a JavaCPP put is a JNI call); {@link #directlyWritable} must hold.
     */
    static TableSink direct(INDArray out) {
        return direct(out, WINDOW);
    }

    /** {@link #direct} with windows of {@code window} elements (at least {@link Block#SIZE}). */
    static TableSink direct(INDArray out, long window) {
        Pointer address = out.data().addressPointer();
        if (out.dataType() == DataType.FLOAT) {
            FloatPointer p = new FloatPointer(address);
            float[] converted = new float[Block.SIZE];
            return new Windowed<FloatBuffer>(out, window) {
                @Override
                FloatBuffer open(long from, long n) {
                    return p.position(from).limit(from + n).asBuffer();
                }

                @Override
                void put(FloatBuffer window, int at, double[] values, int n) {
                    RealColumn.round(values, converted, n);
                    window.put(at, converted, 0, n);
                }

                /** The column converts its own values: some compute in float32 ({@link RealColumn#fillFloats}). */
                @Override
                void write(long index, RealColumn column, int n) {
                    column.fillFloats(converted, n);
                    FloatBuffer window = windowFor(index, n);
                    window.put(at(index), converted, 0, n);
                }
            };
        }
        DoublePointer p = new DoublePointer(address);
        return new Windowed<DoubleBuffer>(out, window) {
            @Override
            DoubleBuffer open(long from, long n) {
                return p.position(from).limit(from + n).asBuffer();
            }

            @Override
            void put(DoubleBuffer window, int at, double[] values, int n) {
                window.put(at, values, 0, n);
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

    /**
     * Writes blocks (at most {@link Block#SIZE} values each) through a buffer over a window of the output from
     * the first block written, opening the next window when a block falls outside.
     */
    private abstract static class Windowed<B> extends TableSink {
        private final INDArray out;
        private final long length;
        private final long size;
        private B window;
        private long first;
        private long end;

        Windowed(INDArray out, long size) {
            this.out = out;
            this.length = out.length();
            this.size = size;
        }

        /** A buffer over elements {@code from .. from + n - 1} of the output. */
        abstract B open(long from, long n);

        /** Writes {@code n} values at {@code at} within {@code window}. */
        abstract void put(B window, int at, double[] values, int n);

        @Override
        void write(long index, double[] values, int n) {
            put(windowFor(index, n), at(index), values, n);
        }

        /** Where element {@code index} is within the current window. */
        final int at(long index) {
            return (int) (index - first);
        }

        /** The window holding elements {@code index .. index + n - 1}, opened if the current one does not. */
        final B windowFor(long index, int n) {
            if (window == null || index < first || index + n > end) {
                first = index;
                end = Math.min(length, index + size);
                window = open(first, end - first);
            }
            return window;
        }

        @Override
        void fill(long index, long n, double value) {
            out.get(NDArrayIndex.interval(index, index + n)).assign(value);
        }
    }
}
