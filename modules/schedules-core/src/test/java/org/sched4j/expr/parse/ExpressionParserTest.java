package org.sched4j.expr.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.sched4j.Nd4jBackends;
import org.sched4j.catalog.Schedules;
import org.sched4j.eval.ScalarEvaluator;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.SpecException;

/** The expression language against Python's results worked by hand, its typing, and its error messages. */
class ExpressionParserTest {
    private static RealExpr parse(String text) {
        return ExpressionParser.parse("f", text, Ex.step(), 1);
    }

    private static double at(String text, long step) {
        return ScalarEvaluator.compile(parse(text)).applyAsDouble(step);
    }

    private static double value(String text) {
        return at(text, 0);
    }

    @Test
    void integerArithmeticFollowsPython() {
        assertThat(value("1 + 2 * 3")).isEqualTo(7);
        assertThat(value("(1 + 2) * 3")).isEqualTo(9);
        assertThat(value("3 - 2 - 1")).isEqualTo(0);
        assertThat(value("2 * 3 % 4")).isEqualTo(2);
        assertThat(value("7 // 2")).isEqualTo(3);
        assertThat(value("-7 // 2")).isEqualTo(-4);
        assertThat(value("-7 % 3")).isEqualTo(2);
        assertThat(value("7 % -3")).isEqualTo(-2);
        assertThat(at("step % 100", 250)).isEqualTo(50);
        assertThat(at("(0 - step) % 7", 10)).isEqualTo(4);
    }

    @Test
    void divisionAndPowerAreReal() {
        assertThat(value("7 / 2")).isEqualTo(3.5);
        assertThat(value("100 / 10 / 5")).isEqualTo(2);
        assertThat(value("2 ** -1")).isEqualTo(0.5);
        assertThat(value("2 ** 3 ** 2")).isEqualTo(512);
        assertThat(value("-2 ** 2")).isEqualTo(-4);
        assertThat(value("(-2) ** 2")).isEqualTo(4);
        assertThat(value("0 ** 0")).isEqualTo(1);
        assertThat(at("step % 100 / 100.", 250)).isEqualTo(0.5);
        assertThat(at("0.95 ** step", 2)).isCloseTo(0.9025, within(1e-15));
    }

    @Test
    void realModuloAndFloorDivisionFollowPython() {
        assertThat(value("7.5 % 2")).isEqualTo(1.5);
        assertThat(value("-7.5 % 2")).isEqualTo(0.5);
        assertThat(value("7.5 % -2")).isEqualTo(-0.5);
        assertThat(value("7.5 // 2")).isEqualTo(3);
        assertThat(value("-7.5 // 2")).isEqualTo(-4);
        assertThat(at("step % 2.5", 6)).isEqualTo(1);
    }

    @Test
    void unarySignsAndLiterals() {
        assertThat(value("+3")).isEqualTo(3);
        assertThat(value("--3")).isEqualTo(3);
        assertThat(value("-(-3)")).isEqualTo(3);
        assertThat(value("1e-3")).isEqualTo(0.001);
        assertThat(value("1E2")).isEqualTo(100);
        assertThat(value(".5")).isEqualTo(0.5);
        assertThat(value("100.")).isEqualTo(100);
        assertThat(value("1.5e+1")).isEqualTo(15);
        assertThat(value("00")).isEqualTo(0);
        assertThat(value(" \t2\n* 3 ")).isEqualTo(6);
    }

    @Test
    void everyFunctionAndConstant() {
        assertThat(value("pi")).isEqualTo(Math.PI);
        assertThat(value("e")).isEqualTo(Math.E);
        assertThat(value("exp(0)")).isEqualTo(1);
        assertThat(value("log(e)")).isEqualTo(1);
        assertThat(value("sqrt(16)")).isEqualTo(4);
        assertThat(value("cos(pi)")).isEqualTo(-1);
        assertThat(value("sin(pi / 2)")).isEqualTo(1);
        assertThat(value("tanh(0)")).isEqualTo(0);
        assertThat(at("min(3, step)", 5)).isEqualTo(3);
        assertThat(at("min(3, step)", 2)).isEqualTo(2);
        assertThat(value("max(2.5, 1)")).isEqualTo(2.5);
        assertThat(value("max(1, 2, 7, 3)")).isEqualTo(7);
        assertThat(value("floor(-2.5)")).isEqualTo(-3);
        assertThat(value("ceil(-2.5)")).isEqualTo(-2);
        assertThat(value("floor(7)")).isEqualTo(7);
        assertThat(value("abs(-3)")).isEqualTo(3);
        assertThat(value("abs(-2.5)")).isEqualTo(2.5);
        assertThat(at("abs(5 - step)", 8)).isEqualTo(3);
    }

    @Test
    void epochIsTheFlooredStepCount() {
        RealExpr e = ExpressionParser.parse("f", "epoch", Ex.step(), 10);
        assertThat(ScalarEvaluator.compile(e).applyAsDouble(25)).isEqualTo(2);
        assertThat(ScalarEvaluator.compile(e).applyAsDouble(30)).isEqualTo(3);
        assertThat(at("epoch", 25)).isEqualTo(25);
    }

    @Test
    void integerSubexpressionsStayExactIntegers() {
        RealExpr mod = parse("step % 100");
        assertThat(mod).isEqualTo(Ex.toReal(Ex.floorMod(Ex.step(), 100)));
        assertThat(parse("min(step, 10) * 2 + 1")).isInstanceOf(RealExpr.ToReal.class);
        assertThat(parse("abs(step)")).isInstanceOf(RealExpr.ToReal.class);
        assertThat(((RealExpr.ToReal) parse("step // 3")).value())
                .isEqualTo(new IntExpr.Binary(BinaryOp.FLOOR_DIV, Ex.step(), Ex.integer(3)));
        assertThat(parse("step / 2")).isInstanceOf(RealExpr.Binary.class);
        assertThat(parse("step ** 2")).isInstanceOf(RealExpr.Binary.class);
    }

    @Test
    void constantsAreFolded() {
        assertThat(parse("2 * pi")).isEqualTo(Ex.real(2 * Math.PI));
        assertThat(parse("0.5 ** (3 // 2) + 1")).isEqualTo(Ex.real(1.5));
        assertThat(ExpressionParser.isConstant("f", "0.95")).isTrue();
        assertThat(ExpressionParser.isConstant("f", "1 - 0.05 * 1")).isTrue();
        assertThat(ExpressionParser.isConstant("f", "0.95 ** step")).isFalse();
    }

    @Test
    void integerWorkIsExactPastTwoToThe24InEveryEvaluator() {
        // 2^40 = 2 (mod 7): at 2^40 + k, step % 7 = (2 + k) % 7 and (step * 3) % 7 = (6 + 3k) % 7.
        long start = 1L << 40;
        Schedule s = Schedules.expression("step % 7 + (step * 3) % 7 * 10");
        double[] expected = {62, 23, 54, 15, 46};
        double[] scalar = new double[5];
        for (int i = 0; i < 5; i++) {
            scalar[i] = s.value(start + i);
        }
        assertThat(scalar).containsExactly(expected);
        assertThat(Nd4jBackends.table(s, start, 5, DataType.FLOAT)).containsExactly(expected);
        assertThat(Nd4jBackends.graph(s, Nd4jBackends.range(start, 5), DataType.FLOAT)).containsExactly(expected);
    }

    @Test
    void negativeIntegerDividendsAndDivisorsFloorInEveryEvaluator() {
        assertThat(at("(step - 10) // 3", 0)).isEqualTo(-4);
        assertThat(at("(step - 10) % 3", 0)).isEqualTo(2);
        assertThat(at("step // -7", 10)).isEqualTo(-2);
        assertThat(at("step % -7", 10)).isEqualTo(-4);
        assertThat(at("(step - 10) % -3", 0)).isEqualTo(-1);
        // At steps 0..3: (t - 10) // 3 = -4, -3, -3, -3; t % -3 = 0, -2, -1, 0.
        Schedule s = Schedules.expression("(step - 10) // 3 * 10 + step % -3");
        double[] expected = {-40, -32, -31, -30};
        assertThat(new double[] {s.value(0), s.value(1), s.value(2), s.value(3)}).containsExactly(expected);
        assertThat(Nd4jBackends.table(s, 0, 4, DataType.FLOAT)).containsExactly(expected);
        assertThat(Nd4jBackends.graph(s, Nd4jBackends.range(0, 4), DataType.DOUBLE)).containsExactly(expected);
    }

    private static void rejects(String text, String rule) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(SpecException.class)
                .hasMessage("f: " + rule);
    }

    private static void rejectsWith(String text, String fragment) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("f: ").hasMessageContaining(fragment);
    }

    @Test
    void unknownNamesAreListedWithTheAllowedOnes() {
        rejects("step * foo", "unknown name \"foo\" at column 8 (allowed: step, epoch, pi, e, exp, log, sqrt, cos, "
                + "sin, tanh, min, max, floor, ceil, abs)");
        rejectsWith("lambda epoch: 0.95 ** epoch", "unknown name \"lambda\" at column 1 (write only the body");
        rejectsWith("math.exp(step)", "unknown name \"math\" at column 1 (write exp(x), not math.exp(x))");
        rejectsWith("print(1)", "unknown name \"print\" at column 1");
        rejects("exp + 1", "exp at column 1 is a function: call it, e.g. exp(step)");
        rejects("step(2)", "step at column 1 is not a function");
    }

    @Test
    void malformedTextIsRefusedWithItsColumn() {
        rejects("", "is empty (write an expression of step, e.g. \"0.95 ** step\")");
        rejects("   ", "is empty (write an expression of step, e.g. \"0.95 ** step\")");
        rejects("step 2", "unexpected \"2\" at column 6 (expected an operator or the end)");
        rejects("1, 2", "unexpected \",\" at column 2 (expected an operator or the end)");
        rejects("(step + 1", "missing \")\" for the \"(\" at column 1");
        rejects("exp(step", "missing \")\" for the \"(\" at column 4");
        rejects("step + 1)", "unmatched \")\" at column 9");
        rejects("()", "unexpected \")\" at column 2 (expected a number, a name or \"(\")");
        rejects("(1 2)", "unexpected \"2\" at column 4 (expected \")\" for the \"(\" at column 1)");
        rejects("1 +", "unexpected end of expression at column 4 (expected a number, a name or \"(\")");
        rejects("step ^ 2", "unexpected character \"^\" at column 6");
        rejects("step.real", "unexpected \".\" at column 5 (expected an operator or the end)");
        rejects("1e", "invalid number \"1e\" at column 1");
        rejects("2step", "invalid number \"2step\" at column 1");
        rejects("1.2.3", "invalid number \"1.2.3\" at column 1");
        rejects("007", "invalid number \"007\" at column 1 (leading zeros are not allowed in integers, as in Python)");
        rejects("99999999999999999999", "integer 99999999999999999999 at column 1 is too large (at most 2^63 - 1)");
        rejects("1e999", "number 1e999 at column 1 is too large for a double");
    }

    @Test
    void functionArity() {
        rejects("min(1)", "min at column 1 takes at least 2 arguments (got 1)");
        rejects("exp(1, 2)", "exp at column 1 takes 1 argument (got 2)");
        rejects("cos()", "cos at column 1 takes 1 argument (got 0)");
        rejects("max(1,)", "unexpected \")\" at column 7 (expected a number, a name or \"(\")");
    }

    @Test
    void whatPythonRefusesIsRefused() {
        rejects("step / 0", "\"/\" at column 6: division by zero");
        rejects("step % 0", "\"%\" at column 6: division by zero");
        rejects("step // 0.", "\"//\" at column 6: division by zero");
        rejects("1 / (2 - 2)", "\"/\" at column 3: division by zero");
        rejects("0 ** -1", "\"**\" at column 3: division by zero (0 cannot be raised to a negative power)");
        rejects("(-8) ** 0.5", "\"**\" at column 6: a negative number to a fractional power is complex in Python");
        rejects("log(0)", "log at column 1: math domain error (the argument must be > 0, got 0.0)");
        rejects("sqrt(-1)", "sqrt at column 1: math domain error (the argument must be >= 0, got -1.0)");
        rejects("exp(1000)", "exp at column 1 overflows (the constant result is Infinity)");
        rejects("9223372036854775807 + 1", "\"+\" at column 21 overflows 64-bit integers");
        rejectsWith("step % (step + 1)", "\"%\" at column 6 needs a constant divisor when both sides are integers");
    }

    @Test
    void lengthAndDepthAreCappedWithoutAStackOverflow() {
        rejects("1+".repeat(600) + "1", "is longer than 1000 characters (got 1201)");
        rejects("(".repeat(150) + "1" + ")".repeat(150), "nests deeper than 100 levels at column 101");
        rejects("-".repeat(500) + "1", "nests deeper than 100 levels at column 101");
        rejectsWith("2**".repeat(300) + "2", "nests deeper than 100 levels at column");
        assertThat(value("(".repeat(100) + "1" + ")".repeat(100))).isEqualTo(1);
        // The longest flat chain, 1000 characters, is a 498-deep tree: every evaluator walks it.
        Schedule chain = Schedules.expression("step" + "+1".repeat(498));
        assertThat(chain.value(3)).isEqualTo(501);
        assertThat(Nd4jBackends.table(chain, 3, 1, DataType.DOUBLE)).containsExactly(501);
        assertThat(Nd4jBackends.graph(chain, new long[] {3}, DataType.DOUBLE)).containsExactly(501);
    }

    @Test
    void theCallerNamesTheField() {
        assertThatThrownBy(() -> ExpressionParser.parse("lr_lambda", "step * foo", Ex.step(), 1))
                .isInstanceOf(SpecException.class).hasMessageStartingWith("lr_lambda: unknown name \"foo\" at column 8");
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"sequential\",\"boundaries\":[5],\"schedules\":["
                + "{\"type\":\"constant\",\"value\":1},{\"type\":\"expression\",\"expr\":\"step +\"}]}"))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("schedules[1].expr: unexpected end of expression at column 7");
    }
}
