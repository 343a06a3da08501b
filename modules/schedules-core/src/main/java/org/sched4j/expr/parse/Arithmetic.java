package org.sched4j.expr.parse;

import java.util.List;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.expr.UnaryOp;
import org.sched4j.spec.SpecException;

/**
 * Python's arithmetic on {@link Value}s, built with {@link Ex} (which folds constants): {@code int} op
 * {@code int} stays an exact integer for {@code + - * // %}, {@code /} and {@code **} give reals, mixed
 * operands are reals. Constant operations that Python would refuse (division by zero, a math domain error,
 * an overflow) are errors naming the column.
 */
final class Arithmetic {
    /** The functions an expression may call. */
    static final List<String> FUNCTIONS = List.of("exp", "log", "sqrt", "cos", "sin", "tanh", "min", "max", "floor",
            "ceil", "abs");

    private final String field;

    Arithmetic(String field) {
        this.field = field;
    }

    SpecException error(int column, String what) {
        return new SpecException(field, what.replace("@", "at column " + column));
    }

    /** {@code a op b} for a binary operator token. */
    Value binary(String op, Value a, Value b, int column) {
        switch (op) {
            case "+": return additive(BinaryOp.ADD, a, b, column);
            case "-": return additive(BinaryOp.SUB, a, b, column);
            case "*": return additive(BinaryOp.MUL, a, b, column);
            case "/":
                nonZero(b, op, column);
                return finite(Ex.div(a.asReal(), b.asReal()), "\"/\" @ overflows", column);
            case "//":
                nonZero(b, op, column);
                if (a.isInteger() && b.isInteger()) {
                    return Value.of(Ex.floorDiv(a.integer(), constantDivisor(b, op, column)));
                }
                return finite(Ex.floor(Ex.div(a.asReal(), b.asReal())), "\"//\" @ overflows", column);
            case "%":
                nonZero(b, op, column);
                if (a.isInteger() && b.isInteger()) {
                    return Value.of(Ex.floorMod(a.integer(), constantDivisor(b, op, column)));
                }
                RealExpr x = a.asReal();
                RealExpr y = b.asReal();
                return finite(Ex.sub(x, Ex.mul(y, Ex.floor(Ex.div(x, y)))), "\"%\" @ overflows", column);
            case "**": return power(a, b, column);
            default: throw new IllegalArgumentException("not a binary operator: " + op);
        }
    }

    /** {@code -x}. */
    Value negate(Value x, int column) {
        if (x.isInteger()) {
            return Value.of(integerOp(BinaryOp.SUB, Ex.integer(0), x.integer(), column));
        }
        return Value.of(Ex.neg(x.real()));
    }

    /** {@code name(args...)} for one of {@link #FUNCTIONS}. */
    Value call(String name, List<Value> args, int column) {
        if (name.equals("min") || name.equals("max")) {
            if (args.size() < 2) {
                throw error(column, name + " @ takes at least 2 arguments (got " + args.size() + ")");
            }
            BinaryOp op = name.equals("min") ? BinaryOp.MIN : BinaryOp.MAX;
            Value out = args.get(0);
            for (Value next : args.subList(1, args.size())) {
                out = out.isInteger() && next.isInteger() ? Value.of(Ex.op(op, out.integer(), next.integer()))
                        : Value.of(Ex.op(op, out.asReal(), next.asReal()));
            }
            return out;
        }
        if (args.size() != 1) {
            throw error(column, name + " @ takes 1 argument (got " + args.size() + ")");
        }
        Value x = args.get(0);
        switch (name) {
            case "floor":
            case "ceil":
                // Python's math.floor and math.ceil of an int return it unchanged.
                return x.isInteger() ? x : Value.of(Ex.op(name.equals("floor") ? UnaryOp.FLOOR : UnaryOp.CEIL, x.real()));
            case "abs":
                return x.isInteger()
                        ? Value.of(Ex.op(BinaryOp.MAX, x.integer(), integerOp(BinaryOp.SUB, Ex.integer(0), x.integer(),
                                column)))
                        : Value.of(Ex.abs(x.real()));
            case "log":
                if (x.isConstant() && !(x.constant() > 0)) {
                    throw error(column, "log @: math domain error (the argument must be > 0, got "
                            + x.constant() + ")");
                }
                return Value.of(Ex.log(x.asReal()));
            case "sqrt":
                if (x.isConstant() && !(x.constant() >= 0)) {
                    throw error(column, "sqrt @: math domain error (the argument must be >= 0, got "
                            + x.constant() + ")");
                }
                return Value.of(Ex.sqrt(x.asReal()));
            case "exp": return finite(Ex.exp(x.asReal()), "exp @ overflows", column);
            case "cos": return Value.of(Ex.cos(x.asReal()));
            case "sin": return Value.of(Ex.sin(x.asReal()));
            case "tanh": return Value.of(Ex.tanh(x.asReal()));
            default: throw new IllegalArgumentException("not a function: " + name);
        }
    }

    private Value additive(BinaryOp op, Value a, Value b, int column) {
        if (a.isInteger() && b.isInteger()) {
            return Value.of(integerOp(op, a.integer(), b.integer(), column));
        }
        return finite(Ex.op(op, a.asReal(), b.asReal()), symbol(op) + " @ overflows", column);
    }

    /** An integer operation; constant operands are folded exactly, and an overflow is an error. */
    private IntExpr integerOp(BinaryOp op, IntExpr a, IntExpr b, int column) {
        if (a instanceof IntExpr.Const x && b instanceof IntExpr.Const y) {
            try {
                long v;
                switch (op) {
                    case ADD: v = Math.addExact(x.value(), y.value()); break;
                    case SUB: v = Math.subtractExact(x.value(), y.value()); break;
                    case MUL: v = Math.multiplyExact(x.value(), y.value()); break;
                    default: return Ex.op(op, a, b);
                }
                return Ex.integer(v);
            } catch (ArithmeticException e) {
                throw error(column, symbol(op) + " @ overflows 64-bit integers");
            }
        }
        return Ex.op(op, a, b);
    }

    private Value power(Value a, Value b, int column) {
        if (a.isConstant() && b.isConstant()) {
            double base = a.constant();
            double exponent = b.constant();
            if (base == 0 && exponent < 0) {
                throw error(column, "\"**\" @: division by zero (0 cannot be raised to a negative power)");
            }
            if (base < 0 && exponent != Math.rint(exponent)) {
                throw error(column, "\"**\" @: a negative number to a fractional power is complex in Python");
            }
        }
        return finite(Ex.pow(a.asReal(), b.asReal()), "\"**\" @ overflows", column);
    }

    private void nonZero(Value divisor, String op, int column) {
        if (divisor.isZero()) {
            throw error(column, "\"" + op + "\" @: division by zero");
        }
    }

    /** Integer {@code //} and {@code %} need a constant divisor: a step-dependent one could be 0 at some step. */
    private long constantDivisor(Value divisor, String op, int column) {
        if (!divisor.isConstant()) {
            throw error(column, "\"" + op + "\" @ needs a constant divisor when both sides are integers "
                    + "(one that depends on step could be 0); to divide by an expression of step, make it real, "
                    + "e.g. (step + 1.)");
        }
        return ((IntExpr.Const) divisor.integer()).value();
    }

    private Value finite(RealExpr x, String what, int column) {
        if (x instanceof RealExpr.Const c && !Double.isFinite(c.value())) {
            throw error(column, what + " (the constant result is " + c.value() + ")");
        }
        return Value.of(x);
    }

    private static String symbol(BinaryOp op) {
        switch (op) {
            case ADD: return "\"+\"";
            case SUB: return "\"-\"";
            case MUL: return "\"*\"";
            default: return op.name();
        }
    }
}
