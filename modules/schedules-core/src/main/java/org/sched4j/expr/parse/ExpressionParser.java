package org.sched4j.expr.parse;

import java.util.ArrayList;
import java.util.List;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.SpecException;

/**
 * Parses a user expression, a small subset of Python arithmetic, into the expression tree: variables
 * {@code step} and {@code epoch}, integer and real literals, {@code + - * / // % **}, unary minus and plus,
 * parentheses, the functions of {@link Arithmetic#FUNCTIONS} and the constants {@code pi} and {@code e}.
 * Nothing else can be named or called. Errors are {@link SpecException}s naming the caller's field and the
 * column.
 *
 * <p>Grammar (Python's precedence: {@code -2 ** 2} is -4, {@code 2 ** -1} is 0.5, {@code **} is right
 * associative):
 * <pre>
 * sum     = product { ("+" | "-") product }
 * product = unary { ("*" | "/" | "//" | "%") unary }
 * unary   = ("-" | "+") unary | power
 * power   = atom [ "**" unary ]
 * atom    = number | name | name "(" sum { "," sum } ")" | "(" sum ")"
 * </pre>
 */
public final class ExpressionParser {
    /** The longest text accepted. */
    public static final int MAX_LENGTH = 1000;
    /** The deepest nesting of parentheses, calls, unary signs and powers accepted. */
    public static final int MAX_DEPTH = 100;

    private static final List<String> CONSTANT_NAMES = List.of("pi", "e");

    private final Lexer lexer;
    private final Arithmetic arithmetic;
    private final java.util.Map<String, IntExpr> variables;
    private Token token;
    private int depth;

    private ExpressionParser(String field, String text, java.util.Map<String, IntExpr> variables) {
        this.lexer = new Lexer(field, text);
        this.arithmetic = new Arithmetic(field);
        this.variables = variables;
        this.token = lexer.next();
    }

    /**
     * The value of {@code text} as a real expression of {@code step}; {@code epoch} is
     * {@code step // stepsPerEpoch}.
     *
     * @param field the spec key reported in errors, e.g. {@code lr_lambda}
     * @throws SpecException naming {@code field} and the column of the problem
     */
    public static RealExpr parse(String field, String text, IntExpr step, long stepsPerEpoch) {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("stepsPerEpoch: must be >= 1 (got " + stepsPerEpoch + ")");
        }
        java.util.Map<String, IntExpr> names = new java.util.LinkedHashMap<>();
        names.put("step", step);
        names.put("epoch", Ex.floorDiv(step, stepsPerEpoch));
        return parse(field, text, names);
    }

    /**
     * The value of {@code text} with the given integer variables (for instance {@code x}, the argument of
     * a cyclic schedule's scale function).
     *
     * @param field the spec key reported in errors
     * @param variables the names the text may use, each an integer expression
     * @throws SpecException naming {@code field} and the column of the problem
     */
    public static RealExpr parse(String field, String text, java.util.Map<String, IntExpr> variables) {
        if (text.length() > MAX_LENGTH) {
            throw new SpecException(field, "is longer than " + MAX_LENGTH + " characters (got " + text.length() + ")");
        }
        if (text.isBlank()) {
            throw new SpecException(field, "is empty (write an expression of step, e.g. \"0.95 ** step\")");
        }
        ExpressionParser p = new ExpressionParser(field, text, variables);
        Value v = p.sum();
        if (p.token.kind() != Token.Kind.END) {
            throw p.token.is(")") ? p.arithmetic.error(p.token.column(), "unmatched \")\" @")
                    : p.arithmetic.error(p.token.column(), "unexpected " + p.token.describe()
                            + " @ (expected an operator or the end)");
        }
        return v.asReal();
    }

    /** Whether the expression's value does not depend on the step (it folded to a constant). */
    public static boolean isConstant(String field, String text) {
        return parse(field, text, Ex.step(), 1) instanceof RealExpr.Const;
    }

    private Token advance() {
        Token t = token;
        token = lexer.next();
        return t;
    }

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw arithmetic.error(at.column(), "nests deeper than " + MAX_DEPTH + " levels @");
        }
    }

    private Value sum() {
        Value left = product();
        while (token.is("+") || token.is("-")) {
            Token op = advance();
            left = arithmetic.binary(op.text(), left, product(), op.column());
        }
        return left;
    }

    private Value product() {
        Value left = unary();
        while (token.is("*") || token.is("/") || token.is("//") || token.is("%")) {
            Token op = advance();
            left = arithmetic.binary(op.text(), left, unary(), op.column());
        }
        return left;
    }

    private Value unary() {
        if (token.is("-") || token.is("+")) {
            Token sign = advance();
            enter(sign);
            Value x = unary();
            depth--;
            return sign.is("-") ? arithmetic.negate(x, sign.column()) : x;
        }
        return power();
    }

    private Value power() {
        Value base = atom();
        if (token.is("**")) {
            Token op = advance();
            enter(op);
            Value exponent = unary();
            depth--;
            return arithmetic.binary("**", base, exponent, op.column());
        }
        return base;
    }

    private Value atom() {
        Token t = advance();
        switch (t.kind()) {
            case INTEGER: return integerLiteral(t);
            case REAL: return realLiteral(t);
            case NAME: return token.is("(") ? call(t) : name(t);
            case SYMBOL:
                if (t.is("(")) {
                    enter(t);
                    Value inside = sum();
                    close(t);
                    depth--;
                    return inside;
                }
                throw arithmetic.error(t.column(), "unexpected " + t.describe()
                        + " @ (expected a number, a name or \"(\")");
            default:
                throw arithmetic.error(t.column(), "unexpected end of expression @ (expected a number, a name or \"(\")");
        }
    }

    private void close(Token open) {
        if (!token.is(")")) {
            throw token.kind() == Token.Kind.END
                    ? arithmetic.error(open.column(), "missing \")\" for the \"(\" @")
                    : arithmetic.error(token.column(), "unexpected " + token.describe() + " @ (expected \")\" for the "
                            + "\"(\" at column " + open.column() + ")");
        }
        advance();
    }

    private Value call(Token name) {
        if (!Arithmetic.FUNCTIONS.contains(name.text())) {
            if (CONSTANT_NAMES.contains(name.text()) || variables.containsKey(name.text())) {
                throw arithmetic.error(name.column(), name.text() + " @ is not a function");
            }
            throw unknown(name);
        }
        Token open = advance();
        enter(open);
        List<Value> args = new ArrayList<>();
        if (!token.is(")")) {
            args.add(sum());
            while (token.is(",")) {
                advance();
                args.add(sum());
            }
        }
        close(open);
        depth--;
        return arithmetic.call(name.text(), args, name.column());
    }

    private Value name(Token name) {
        if (variables.containsKey(name.text())) {
            return Value.of(variables.get(name.text()));
        }
        switch (name.text()) {
            case "pi": return Value.of(Ex.real(Math.PI));
            case "e": return Value.of(Ex.real(Math.E));
            default:
                if (Arithmetic.FUNCTIONS.contains(name.text())) {
                    throw arithmetic.error(name.column(), name.text() + " @ is a function: call it, e.g. "
                            + name.text() + "(step)");
                }
                throw unknown(name);
        }
    }

    private SpecException unknown(Token name) {
        String hint;
        if (name.text().equals("lambda")) {
            hint = "write only the body of the lambda, with step as its argument, e.g. \"0.95 ** step\"";
        } else if (name.text().equals("math")) {
            hint = "write exp(x), not math.exp(x)";
        } else {
            List<String> allowed = new ArrayList<>(variables.keySet());
            allowed.addAll(CONSTANT_NAMES);
            allowed.addAll(Arithmetic.FUNCTIONS);
            hint = "allowed: " + String.join(", ", allowed);
        }
        return arithmetic.error(name.column(), "unknown name \"" + name.text() + "\" @ (" + hint + ")");
    }

    private Value integerLiteral(Token t) {
        try {
            return Value.of(Ex.integer(Long.parseLong(t.text())));
        } catch (NumberFormatException e) {
            throw arithmetic.error(t.column(), "integer " + t.text() + " @ is too large (at most 2^63 - 1)");
        }
    }

    private Value realLiteral(Token t) {
        double v = Double.parseDouble(t.text());
        if (!Double.isFinite(v)) {
            throw arithmetic.error(t.column(), "number " + t.text() + " @ is too large for a double");
        }
        return Value.of(Ex.real(v));
    }
}
