package org.sched4j.eval;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.BoolExpr;
import org.sched4j.expr.CompareOp;
import org.sched4j.expr.Expr;
import org.sched4j.expr.ExprVisitor;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.IntRanges;
import org.sched4j.expr.RealExpr;

/**
 * Compiles an expression tree into one hidden class whose {@code applyAsDouble(long)} is straight-line
 * bytecode, so the JIT compiles a schedule like hand-written Java.
 *
 * <p>The semantics are those of {@link BinaryOp}, {@code UnaryOp}, {@link CompareOp}, {@link
 * IntExpr.CountAtMost#count} and {@link RealExpr.Lookup#at}, bit for bit: one JVM instruction where the
 * operator is one, else a call of the same {@code Math} method or of a static helper here. A select is a
 * branch (only the chosen side runs). A constant raised to an integer exponent that takes few values where it
 * is computed (a milestone count; a cycle's annealing step, within the select that picks the annealing) is
 * read from a table of the same {@code Math.pow} values; the ranges only choose the table, since an exponent
 * outside it is computed. A node the DAG shares is kept in a local once computed where that computation
 * dominates (outside the select branch that computed it, it is computed again). Tables live in static final
 * fields filled from the class data. An expression nested deeper than {@link #MAX_DEPTH} or
 * whose method would exceed {@link #MAX_CODE_BYTES} is not compiled: {@link #compile} returns null.
 */
final class ScalarBytecode implements ExprVisitor<Void> {
    /** The largest method generated: HotSpot does not JIT-compile methods over 8000 bytes. */
    static final int MAX_CODE_BYTES = 7900;
    /** The most powers a constant base raised to an integer exponent is read from instead of computed (32 KiB). */
    static final int POWER_TABLE_LIMIT = 4096;
    /** The most entries all power tables of one schedule hold together (512 KiB). */
    static final int POWER_TABLES_TOTAL = 65536;
    /** The deepest expression compiled (the generator recurses along the tree). */
    static final int MAX_DEPTH = 400;
    /** The binary name of generated classes (the JVM appends a suffix to each hidden class). */
    static final String CLASS_NAME = "org.sched4j.eval.ScalarCode";

    private static final String INTERNAL_NAME = CLASS_NAME.replace('.', '/');
    private static final String SELF = Type.getInternalName(ScalarBytecode.class);
    private static final String INDEX_DESCRIPTOR = Type.getDescriptor(MilestoneIndex.class);
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /** Per node: references from parents, height. */
    private final Map<Expr, int[]> nodes = new IdentityHashMap<>();
    /** Tables (a MilestoneIndex or a double[]) by node, in field order. */
    private final Map<Expr, Integer> tableIndex = new IdentityHashMap<>();
    private final List<Object> tables = new ArrayList<>();
    /** Ranges of integer nodes where the code now is (the step's, and what the enclosing selects decided). */
    private Map<IntExpr, long[]> facts = new HashMap<>(Map.of(new IntExpr.Step(), new long[] {0, Long.MAX_VALUE}));
    /** The exponent each power table starts at, by node. */
    private final Map<Expr, Long> powerTableStart = new IdentityHashMap<>();
    /** Shared nodes already in a local at the current point of the code, by slot. */
    private Map<Expr, Integer> available = new IdentityHashMap<>();
    private MethodVisitor mv;
    private int nextLocal = 3;
    private int size;
    private int powerTables;
    private int powerEntries;

    private ScalarBytecode() {
    }

    /** The compiled function of the step, or null if the expression is too deep or too large to compile. */
    static LongToDoubleFunction compile(RealExpr expr) {
        ScalarBytecode g = new ScalarBytecode();
        byte[] bytes = g.generateIfItFits(expr);
        return bytes == null ? null : g.define(bytes);
    }

    /** How many powers of the expression's compiled code are read from a table (-1 if it does not compile). */
    static int powerTables(RealExpr expr) {
        ScalarBytecode g = new ScalarBytecode();
        return g.generateIfItFits(expr) == null ? -1 : g.powerTables;
    }

    /** The class file, or null if the expression is too deep or its code too large. */
    private byte[] generateIfItFits(RealExpr expr) {
        if (measure(expr, 1) < 0) {
            return null;
        }
        try {
            return generate(expr);
        } catch (TooLarge | MethodTooLargeException | ClassTooLargeException e) {
            return null;
        }
    }

    /** Whether {@code f} is a function this class generated (not the closure tree). */
    static boolean isCompiled(LongToDoubleFunction f) {
        return f.getClass().getName().startsWith(CLASS_NAME);
    }

    // ---- the helpers generated code calls (the reference semantics, in the same Java expressions) ----

    /**
     * {@code (double) x}, through an int conversion when {@code x} fits in one: the same exact value, but
     * HotSpot's long-to-double instruction stalls a loop of calls several times longer (measured on x86_64)
     * and the test folds away where the step was an int ({@code ISchedule.valueAt}).
     */
    public static double toReal(long x) {
        int i = (int) x;
        return i == x ? (double) i : (double) x;
    }

    /** {@link BinaryOp#FLOOR_DIV} on integers by a positive int: a 32-bit divide when {@code x} fits one. */
    public static long floorDiv(long x, int k) {
        int i = (int) x;
        return i == x && i >= 0 ? i / k : Math.floorDiv(x, k);
    }

    /** {@link BinaryOp#FLOOR_MOD} on integers by a positive int: a 32-bit remainder when {@code x} fits one. */
    public static long floorMod(long x, int k) {
        int i = (int) x;
        return i == x && i >= 0 ? i % k : Math.floorMod(x, (long) k);
    }

    /** {@link BinaryOp#FLOOR_MOD} on doubles. */
    public static double floorMod(double a, double b) {
        return a - b * Math.floor(a / b);
    }

    /**
     * {@code Math.pow(base, (double) k)}, read from {@code powers} (those same values for the exponents {@code
     * start, start + 1, ...}) where {@code k} is one of them.
     */
    public static double power(long k, double[] powers, long start, double base) {
        long i = k - start;
        return i >= 0 && i < powers.length ? powers[(int) i] : Math.pow(base, toReal(k));
    }

    /** {@link IntExpr.CountAtMost#count}: how many of the index's sorted boundaries are {@code <= value}. */
    public static long countAtMost(long value, MilestoneIndex boundaries) {
        return boundaries.count(value);
    }

    /** {@link RealExpr.Lookup#at}: the value at the index clamped to the table. */
    public static double lookup(long i, double[] values) {
        return values[(int) Math.max(0, Math.min(values.length - 1, i))];
    }

    // ---- analysis ----

    /** Counts references and returns the node's height, or -1 if a path is longer than {@link #MAX_DEPTH}. */
    private int measure(Expr e, int depth) {
        int[] seen = nodes.get(e);
        if (seen != null) {
            seen[0]++;
            return depth + seen[1] - 1 > MAX_DEPTH ? -1 : seen[1];
        }
        if (depth > MAX_DEPTH) {
            return -1;
        }
        int height = 0;
        for (Expr child : children(e)) {
            int h = measure(child, depth + 1);
            if (h < 0) {
                return -1;
            }
            height = Math.max(height, h);
        }
        nodes.put(e, new int[] {1, height + 1});
        return height + 1;
    }

    /** The operands of a node. */
    static Expr[] children(Expr e) {
        if (e instanceof IntExpr.Binary b) {
            return new Expr[] {b.left(), b.right()};
        } else if (e instanceof IntExpr.CountAtMost c) {
            return new Expr[] {c.x()};
        } else if (e instanceof RealExpr.ToReal r) {
            return new Expr[] {r.value()};
        } else if (e instanceof RealExpr.Unary u) {
            return new Expr[] {u.arg()};
        } else if (e instanceof RealExpr.Binary b) {
            return new Expr[] {b.left(), b.right()};
        } else if (e instanceof RealExpr.Select s) {
            return new Expr[] {s.condition(), s.whenTrue(), s.whenFalse()};
        } else if (e instanceof RealExpr.Lookup l) {
            return new Expr[] {l.index()};
        } else if (e instanceof BoolExpr.IntCompare c) {
            return new Expr[] {c.left(), c.right()};
        } else if (e instanceof BoolExpr.RealCompare c) {
            return new Expr[] {c.left(), c.right()};
        }
        return new Expr[0];
    }

    private boolean shared(Expr e) {
        return nodes.get(e)[0] > 1 && !(e instanceof IntExpr.Step) && !(e instanceof IntExpr.Const)
                && !(e instanceof RealExpr.Const);
    }

    // ---- class generation ----

    private byte[] generate(RealExpr root) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return "java/lang/Object";
            }
        };
        cw.visit(V17, ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, INTERNAL_NAME, null, "java/lang/Object",
                new String[] {"java/util/function/LongToDoubleFunction"});
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "applyAsDouble", "(J)D", null, null);
        mv.visitCode();
        emit(root);
        mv.visitInsn(DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        if (!tables.isEmpty()) {
            writeTables(cw);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Static final fields {@code t0, t1, ...} set in the static initializer from the class data. */
    private void writeTables(ClassWriter cw) {
        MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        clinit.visitLdcInsn("_");
        clinit.visitLdcInsn(Type.getType(Object[].class));
        clinit.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
                false);
        clinit.visitTypeInsn(CHECKCAST, "[Ljava/lang/Object;");
        clinit.visitVarInsn(ASTORE, 0);
        for (int i = 0; i < tables.size(); i++) {
            String desc = tableDescriptor(i);
            cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "t" + i, desc, null, null).visitEnd();
            clinit.visitVarInsn(ALOAD, 0);
            clinit.visitLdcInsn(i);
            clinit.visitInsn(AALOAD);
            clinit.visitTypeInsn(CHECKCAST, Type.getType(desc).getInternalName());
            clinit.visitFieldInsn(PUTSTATIC, INTERNAL_NAME, "t" + i, desc);
        }
        clinit.visitInsn(RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
    }

    private String tableDescriptor(int i) {
        return tables.get(i) instanceof MilestoneIndex ? INDEX_DESCRIPTOR : "[D";
    }

    private LongToDoubleFunction define(byte[] bytes) {
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(bytes, tables.toArray(), true);
            return (LongToDoubleFunction) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not define the compiled schedule", e);
        }
    }

    // ---- code generation ----

    /** Leaves the value of an integer (long) or real (double) node on the stack. */
    private void emit(Expr e) {
        boolean integer = e instanceof IntExpr;
        Integer slot = available.get(e);
        if (slot != null) {
            var(integer ? LLOAD : DLOAD, slot);
            return;
        }
        e.accept(this);
        if (shared(e)) {
            int s = nextLocal;
            nextLocal += 2;
            insn(DUP2);
            var(integer ? LSTORE : DSTORE, s);
            available.put(e, s);
        }
        if (size > MAX_CODE_BYTES) {
            throw new TooLarge();
        }
    }

    /** Jumps to {@code otherwise} unless the condition holds (same NaN rules as Java's comparisons). */
    private void jumpUnless(BoolExpr c, Label otherwise) {
        CompareOp op;
        if (c instanceof BoolExpr.IntCompare ic) {
            op = ic.op();
            emit(ic.left());
            emit(ic.right());
            insn(LCMP);
        } else {
            BoolExpr.RealCompare rc = (BoolExpr.RealCompare) c;
            op = rc.op();
            emit(rc.left());
            emit(rc.right());
            // As javac: NaN makes the comparison result the one that fails the test.
            insn(op == CompareOp.LT || op == CompareOp.LE ? DCMPG : DCMPL);
        }
        jump(failing(op), otherwise);
    }

    private static int failing(CompareOp op) {
        switch (op) {
            case LT: return IFGE;
            case LE: return IFGT;
            case GT: return IFLE;
            case GE: return IFLT;
            case EQ: return IFNE;
            case NE: return IFEQ;
            default: throw new AssertionError(op);
        }
    }

    @Override
    public Void step(IntExpr.Step node) {
        var(LLOAD, 1);
        return null;
    }

    @Override
    public Void intConst(IntExpr.Const node) {
        long v = node.value();
        if (v == 0 || v == 1) {
            insn(v == 0 ? LCONST_0 : LCONST_1);
        } else {
            ldc(v);
        }
        return null;
    }

    @Override
    public Void intBinary(IntExpr.Binary node) {
        boolean intDivisor = node.right() instanceof IntExpr.Const k && k.value() > 0 && k.value() <= Integer.MAX_VALUE;
        if (intDivisor && (node.op() == BinaryOp.FLOOR_DIV || node.op() == BinaryOp.FLOOR_MOD)) {
            // 32-bit division where the dividend fits (cycle positions, epochs): same value, a cheaper divide.
            emit(node.left());
            ldc((int) ((IntExpr.Const) node.right()).value());
            helper(node.op() == BinaryOp.FLOOR_DIV ? "floorDiv" : "floorMod", "(JI)J");
            return null;
        }
        emit(node.left());
        emit(node.right());
        switch (node.op()) {
            case ADD -> insn(LADD);
            case SUB -> insn(LSUB);
            case MUL -> insn(LMUL);
            case MIN -> math("min", "(JJ)J");
            case MAX -> math("max", "(JJ)J");
            case FLOOR_DIV -> math("floorDiv", "(JJ)J");
            case FLOOR_MOD -> math("floorMod", "(JJ)J");
            default -> throw new IllegalArgumentException(node.op() + " is not an integer operator");
        }
        return null;
    }

    @Override
    public Void countAtMost(IntExpr.CountAtMost node) {
        emit(node.x());
        table(node);
        helper("countAtMost", "(J" + INDEX_DESCRIPTOR + ")J");
        return null;
    }

    @Override
    public Void realConst(RealExpr.Const node) {
        double v = node.value();
        if (Double.doubleToRawLongBits(v) == 0L) {
            insn(DCONST_0);
        } else if (v == 1.0) {
            insn(DCONST_1);
        } else {
            ldc(v);
        }
        return null;
    }

    @Override
    public Void toReal(RealExpr.ToReal node) {
        emit(node.value());
        helper("toReal", "(J)D");
        return null;
    }

    @Override
    public Void realUnary(RealExpr.Unary node) {
        emit(node.arg());
        switch (node.op()) {
            case NEG -> insn(DNEG);
            case EXP -> math("exp", "(D)D");
            case LOG -> math("log", "(D)D");
            case SQRT -> math("sqrt", "(D)D");
            case COS -> math("cos", "(D)D");
            case SIN -> math("sin", "(D)D");
            case TANH -> math("tanh", "(D)D");
            case ABS -> math("abs", "(D)D");
            case FLOOR -> math("floor", "(D)D");
            case CEIL -> math("ceil", "(D)D");
            default -> throw new AssertionError(node.op());
        }
        return null;
    }

    @Override
    public Void realBinary(RealExpr.Binary node) {
        if (powerTable(node)) {
            return null;
        }
        emit(node.left());
        emit(node.right());
        switch (node.op()) {
            case ADD -> insn(DADD);
            case SUB -> insn(DSUB);
            case MUL -> insn(DMUL);
            case DIV -> insn(DDIV);
            case POW -> math("pow", "(DD)D");
            case MIN -> math("min", "(DD)D");
            case MAX -> math("max", "(DD)D");
            case FLOOR_DIV -> {
                insn(DDIV);
                math("floor", "(D)D");
            }
            case FLOOR_MOD -> helper("floorMod", "(DD)D");
            default -> throw new AssertionError(node.op());
        }
        return null;
    }

    @Override
    public Void select(RealExpr.Select node) {
        Label otherwise = new Label();
        Label end = new Label();
        jumpUnless(node.condition(), otherwise);
        Map<Expr, Integer> before = available;
        Map<IntExpr, long[]> known = facts;
        available = new IdentityHashMap<>(before);
        facts = decided(known, node.condition(), true);
        emit(node.whenTrue());
        jump(GOTO, end);
        mv.visitLabel(otherwise);
        available = new IdentityHashMap<>(before);
        facts = decided(known, node.condition(), false);
        emit(node.whenFalse());
        mv.visitLabel(end);
        available = before;
        facts = known;
        return null;
    }

    /** The facts in a select's branch: those before, and the operand's range where the condition is {@code holds}. */
    private static Map<IntExpr, long[]> decided(Map<IntExpr, long[]> known, BoolExpr condition, boolean holds) {
        if (!(condition instanceof BoolExpr.IntCompare c) || !(c.right() instanceof IntExpr.Const k)) {
            return known;
        }
        long[] range = IntRanges.where(c.op(), k.value(), holds);
        if (range == null) {
            return known;
        }
        Map<IntExpr, long[]> out = new HashMap<>(known);
        long[] before = IntRanges.of(c.left(), known::get);
        long[] both = IntRanges.intersect(before, range);
        if (both != null) { // else the branch never runs: no fact is needed there
            out.put(c.left(), both);
        }
        return out;
    }

    /**
     * A constant base to an integer power whose exponent takes at most {@link #POWER_TABLE_LIMIT} values here
     * (a milestone count, an annealing step within its cycle): read from a table of the same {@code Math.pow}
     * values, made when the class is, instead of computed at each call. Returns false where it does not apply.
     */
    private boolean powerTable(RealExpr.Binary node) {
        if (node.op() != BinaryOp.POW || !(node.left() instanceof RealExpr.Const base)
                || !(node.right() instanceof RealExpr.ToReal exponent)) {
            return false;
        }
        Integer field = tableIndex.get(node);
        if (field == null) {
            long[] r = IntRanges.of(exponent.value(), facts::get);
            if (r == null || r[1] - r[0] < 0 || r[1] - r[0] >= POWER_TABLE_LIMIT
                    || powerEntries + r[1] - r[0] + 1 > POWER_TABLES_TOTAL) {
                return false;
            }
            double[] powers = new double[(int) (r[1] - r[0] + 1)];
            for (int i = 0; i < powers.length; i++) {
                powers[i] = Math.pow(base.value(), toReal(r[0] + i));
            }
            powerEntries += powers.length;
            field = addTable(node, powers);
            powerTableStart.put(node, r[0]);
        }
        // The table made on one path serves the node on every path: outside its exponents it computes the power.
        emit(exponent.value());
        loadTable(field);
        ldc(powerTableStart.get(node));
        ldc(base.value());
        helper("power", "(J[DJD)D");
        powerTables++;
        return true;
    }

    @Override
    public Void lookup(RealExpr.Lookup node) {
        emit(node.index());
        table(node);
        helper("lookup", "(J[D)D");
        return null;
    }

    @Override
    public Void intCompare(BoolExpr.IntCompare node) {
        throw new IllegalStateException("conditions are compiled as jumps");
    }

    @Override
    public Void realCompare(BoolExpr.RealCompare node) {
        throw new IllegalStateException("conditions are compiled as jumps");
    }

    // ---- instructions, counting the bytes of code ----

    private void insn(int opcode) {
        mv.visitInsn(opcode);
        size += 1;
    }

    private void var(int opcode, int slot) {
        mv.visitVarInsn(opcode, slot);
        size += slot <= 3 ? 1 : slot <= 255 ? 2 : 4;
    }

    private void ldc(Object value) {
        mv.visitLdcInsn(value);
        size += 3;
    }

    private void jump(int opcode, Label target) {
        mv.visitJumpInsn(opcode, target);
        size += 3;
    }

    private void math(String name, String descriptor) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", name, descriptor, false);
        size += 3;
    }

    private void helper(String name, String descriptor) {
        mv.visitMethodInsn(INVOKESTATIC, SELF, name, descriptor, false);
        size += 3;
    }

    /** Pushes the table of a count or lookup node (one static final field per node). */
    private void table(Expr node) {
        Integer i = tableIndex.get(node);
        if (i == null) {
            i = addTable(node, node instanceof IntExpr.CountAtMost c ? MilestoneIndex.of(c.boundaries())
                    : ((RealExpr.Lookup) node).values());
        }
        loadTable(i);
    }

    /** Gives a node's table (a MilestoneIndex or a double[]) the next static field; returns the field's number. */
    private int addTable(Expr node, Object table) {
        int i = tables.size();
        tables.add(table);
        tableIndex.put(node, i);
        return i;
    }

    /** Pushes the table in static field {@code t<i>}. */
    private void loadTable(int i) {
        mv.visitFieldInsn(GETSTATIC, INTERNAL_NAME, "t" + i, tableDescriptor(i));
        size += 3;
    }

    /** The method would be too large for the JIT (thrown as soon as the count passes the limit). */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }
}
