package org.sched4j.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.JsonNodeFactory;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * One declared argument of a schedule type: its JSON key, kind, default and the rules its value must
 * meet. Declarations are immutable; each {@code with}-style method returns a new one.
 */
public final class Param {
    /** The kinds of value an argument can hold, and the Java type stored in {@link Args}. */
    public enum Kind {
        /** A finite number: {@code Double}. */
        REAL,
        /** A whole number: {@code Long}. */
        INTEGER,
        /** {@code Boolean}. */
        BOOLEAN,
        /** One of a fixed set of strings: {@code String}. */
        CHOICE,
        /** Any string (a label such as Keras's {@code name}): {@code String}. */
        STRING,
        /** A list of finite numbers: {@code List<Double>}. */
        REALS,
        /** A list of whole numbers: {@code List<Long>}. */
        INTEGERS,
        /** A list of nested schedule specs: {@code List<SpecWritable>}. */
        SCHEDULES,
        /** A JSON value read and written by the parameter's own {@link Codec}. */
        CODEC,
        /** One nested schedule spec: {@code SpecWritable}. */
        SCHEDULE,
        /** A JSON object from integer steps (string keys) to finite reals: {@code NavigableMap<Long, Double>}. */
        STEP_MAP,
        /** A list of JSON objects, each holding the declared fields: {@code List<Args>}. */
        RECORDS
    }

    /**
     * The default of an optional argument that, when not given, takes the value of an argument declared
     * before it (PyTorch's {@code step_size_down=None} meaning "as step_size_up").
     *
     * @param name the earlier argument whose value is copied
     */
    public record SameAs(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The stored default of an {@link #orNone} argument: no value (Python's {@code None}); read as null. */
    private static final Object NONE = new Object();

    /** Reads and writes the value of a {@link Kind#CODEC} argument (e.g. a plateau schedule's state). */
    public interface Codec {
        /** Converts and validates {@code node}; throws {@link SpecException} naming {@code path}. */
        Object read(JsonNode node, String path);

        /** The JSON form of a value {@link #read} produced. */
        JsonNode write(Object value);
    }

    private record Check(DoublePredicate test, String rule) {
    }

    private final String name;
    private final Kind kind;
    private final Object defaultValue;
    private final List<Check> checks;
    private final List<String> choices;
    private final int minSize;
    private final boolean increasing;
    private final boolean strictly;
    private final List<String> inherited;
    private final Codec codec;
    private final List<Param> fields;

    private Param(String name, Kind kind, Object defaultValue, List<Check> checks, List<String> choices,
            int minSize, boolean increasing, boolean strictly, List<String> inherited) {
        this(name, kind, defaultValue, checks, choices, minSize, increasing, strictly, inherited, null, List.of());
    }

    private Param(String name, Kind kind, Object defaultValue, List<Check> checks, List<String> choices,
            int minSize, boolean increasing, boolean strictly, List<String> inherited, Codec codec,
            List<Param> fields) {
        this.codec = codec;
        this.name = name;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.checks = checks;
        this.choices = choices;
        this.minSize = minSize;
        this.increasing = increasing;
        this.strictly = strictly;
        this.inherited = inherited;
        this.fields = fields;
    }

    private static Param of(String name, Kind kind) {
        return new Param(name, kind, null, List.of(), List.of(), 0, false, false, List.of(), null, List.of());
    }

    /** A required finite real. */
    public static Param real(String name) {
        return of(name, Kind.REAL);
    }

    /** A required integer. */
    public static Param integer(String name) {
        return of(name, Kind.INTEGER);
    }

    /** A required boolean. */
    public static Param bool(String name) {
        return of(name, Kind.BOOLEAN);
    }

    /** A required string, one of {@code allowed}. */
    public static Param choice(String name, String... allowed) {
        return new Param(name, Kind.CHOICE, null, List.of(), List.of(allowed), 0, false, false, List.of(), null,
                List.of());
    }

    /** A required string (any text). */
    public static Param string(String name) {
        return of(name, Kind.STRING);
    }

    /** A required list of finite reals. */
    public static Param reals(String name) {
        return of(name, Kind.REALS);
    }

    /** A required list of integers. */
    public static Param integers(String name) {
        return of(name, Kind.INTEGERS);
    }

    /** A required list of nested schedule specs. */
    public static Param schedules(String name) {
        return of(name, Kind.SCHEDULES);
    }

    /**
     * A required JSON object from integer steps to finite reals, e.g. {@code {"3": 0.5, "6": 0.1}} (keys are
     * integers written as strings, as JSON requires; each step once); the value rules apply to each real.
     */
    public static Param stepMap(String name) {
        return of(name, Kind.STEP_MAP);
    }

    /** A required list of JSON objects, each with the declared {@code fields} (their defaults and rules). */
    public static Param records(String name, Param... fields) {
        return new Param(name, Kind.RECORDS, null, List.of(), List.of(), 0, false, false, List.of(), null,
                List.of(fields));
    }

    /** A required value with its own JSON form. */
    public static Param codec(String name, Codec codec) {
        return new Param(name, Kind.CODEC, null, List.of(), List.of(), 0, false, false, List.of(), codec, List.of());
    }

    /** A required nested schedule spec. */
    public static Param schedule(String name) {
        return of(name, Kind.SCHEDULE);
    }

    private Param with(Object def, List<Check> c, int min, boolean inc, boolean strict, List<String> inh) {
        return new Param(name, kind, def, c, choices, min, inc, strict, inh, codec, fields);
    }

    private Param check(DoublePredicate test, String rule) {
        List<Check> c = new ArrayList<>(checks);
        c.add(new Check(test, rule));
        return with(defaultValue, Collections.unmodifiableList(c), minSize, increasing, strictly, inherited);
    }

    /** Makes the argument optional with this default (stored as given; numbers widen to the kind). */
    public Param optional(Object value) {
        Object v = value;
        if (kind == Kind.REAL && value instanceof Number n) {
            v = n.doubleValue();
        } else if (kind == Kind.INTEGER && value instanceof Number n) {
            v = n.longValue();
        }
        return with(v, checks, minSize, increasing, strictly, inherited);
    }

    /**
     * Makes the argument optional with no value by default (the peer's {@code None}): {@link Args#has} is
     * then false, and the spec writes it back as JSON {@code null}.
     */
    public Param orNone() {
        return with(NONE, checks, minSize, increasing, strictly, inherited);
    }

    /** Makes the argument optional, defaulting to the value of the earlier argument {@code other}. */
    public Param optionalSameAs(String other) {
        return with(new SameAs(other), checks, minSize, increasing, strictly, inherited);
    }

    /** Value (or each element) must be {@code >= bound}. */
    public Param atLeast(double bound) {
        return check(x -> x >= bound, "must be >= " + fmt(bound));
    }

    /** Value (or each element) must be {@code > bound}. */
    public Param greaterThan(double bound) {
        return check(x -> x > bound, "must be > " + fmt(bound));
    }

    /** Value (or each element) must be {@code < bound}. */
    public Param lessThan(double bound) {
        return check(x -> x < bound, "must be < " + fmt(bound));
    }

    /** Value (or each element) must be {@code <= bound}. */
    public Param atMost(double bound) {
        return check(x -> x <= bound, "must be <= " + fmt(bound));
    }

    /** A list needs at least {@code n} elements. */
    public Param minSize(int n) {
        return with(defaultValue, checks, n, increasing, strictly, inherited);
    }

    /** List elements must be strictly increasing. */
    public Param strictlyIncreasing() {
        return with(defaultValue, checks, minSize, true, true, inherited);
    }

    /** List elements must be non-decreasing. */
    public Param nonDecreasing() {
        return with(defaultValue, checks, minSize, true, false, inherited);
    }

    /** Nested specs that lack these keys receive the parent's values (e.g. the optimizer's {@code lr}). */
    public Param inheriting(String... keys) {
        return with(defaultValue, checks, minSize, increasing, strictly, List.of(keys));
    }

    /** The JSON key. */
    public String name() {
        return name;
    }

    /** The kind of value. */
    public Kind kind() {
        return kind;
    }

    /** Whether the spec must give this argument. */
    public boolean required() {
        return defaultValue == null;
    }

    /** The default, or null when required or when it is no value ({@link #orNone}); a {@link SameAs} copies an earlier argument. */
    public Object defaultValue() {
        return defaultValue == NONE ? null : defaultValue;
    }

    /** Parent keys copied into nested specs that lack them. */
    public List<String> inherited() {
        return inherited;
    }

    /** The declared fields of each object of a RECORDS argument. */
    public List<Param> fields() {
        return fields;
    }

    /** The allowed strings of a choice. */
    public List<String> choices() {
        return choices;
    }

    /**
     * Converts and validates a JSON value found at {@code path}.
     *
     * @throws SpecException naming {@code path} (or an element of it) and the broken rule
     */
    public Object read(JsonNode node, String path, NestedReader nested) {
        switch (kind) {
            case REAL: return checked(number(node, path), path);
            case INTEGER: return checked(whole(node, path), path);
            case BOOLEAN:
                if (!node.isBoolean()) {
                    throw new SpecException(path, "must be true or false (got " + describe(node) + ")");
                }
                return node.booleanValue();
            case CHOICE:
                if (!node.isTextual() || !choices.contains(node.textValue())) {
                    throw new SpecException(path, "must be one of " + choices + " (got " + describe(node) + ")");
                }
                return node.textValue();
            case CODEC:
                return codec.read(node, path);
            case SCHEDULE: return nested.read(node, path);
            case STRING:
                if (!node.isTextual()) {
                    throw new SpecException(path, "must be a string (got " + describe(node) + ")");
                }
                return node.textValue();
            case STEP_MAP: return ObjectValues.readStepMap(node, path, this::checked);
            case RECORDS: return ObjectValues.readRecords(node, path, fields, minSize, nested);
            default:
                return readList(node, path, nested);
        }
    }

    private Object readList(JsonNode node, String path, NestedReader nested) {
        if (!node.isArray()) {
            throw new SpecException(path, "must be a JSON array (got " + describe(node) + ")");
        }
        if (node.size() < minSize) {
            throw new SpecException(path, "must have at least " + minSize + " element" + (minSize == 1 ? "" : "s")
                    + " (got " + node.size() + ")");
        }
        List<Object> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode e = node.get(i);
            if (kind == Kind.SCHEDULES) {
                out.add(nested.read(e, at));
                continue;
            }
            Number v;
            if (kind == Kind.REALS) {
                v = checked(number(e, at), at);
            } else {
                v = checked(whole(e, at), at);
            }
            if (increasing && i > 0) {
                double prev = ((Number) out.get(i - 1)).doubleValue();
                double cur = v.doubleValue();
                if (strictly ? cur <= prev : cur < prev) {
                    throw new SpecException(at, "must be " + (strictly ? "greater than" : "at least")
                            + " the previous element " + fmt(prev) + " (the list must be "
                            + (strictly ? "strictly increasing" : "non-decreasing") + ")");
                }
            }
            out.add(v);
        }
        return Collections.unmodifiableList(out);
    }

    private Number checked(Number v, String path) {
        for (Check c : checks) {
            if (!c.test.test(v.doubleValue())) {
                throw new SpecException(path, c.rule + " (got " + fmt(v.doubleValue()) + ")");
            }
        }
        return v;
    }

    static Double number(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw new SpecException(path, "must be a number (got " + describe(node) + ")");
        }
        double d = node.isBigDecimal() ? node.decimalValue().doubleValue() : node.doubleValue();
        if (!Double.isFinite(d)) {
            throw new SpecException(path, "must be a finite number (got " + node.asText() + ")");
        }
        return d;
    }

    private static Long whole(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw new SpecException(path, "must be an integer (got " + describe(node) + ")");
        }
        BigDecimal d = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        BigInteger i;
        try {
            i = d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new SpecException(path, "must be an integer (got " + node.asText() + ")");
        }
        if (i.bitLength() > 53) {
            throw new SpecException(path, "must be within +-2^53 (got " + i + ")");
        }
        return i.longValue();
    }

    /** A short description of a JSON value for error messages. */
    static String describe(JsonNode node) {
        String text = node.isTextual() ? "\"" + node.textValue() + "\"" : node.toString();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return node.getNodeType().name().toLowerCase() + " " + text;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Writes a stored value back to JSON. */
    public JsonNode write(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        switch (kind) {
            case REAL: return f.numberNode((Double) value);
            case INTEGER: return f.numberNode((Long) value);
            case BOOLEAN: return f.booleanNode((Boolean) value);
            case CODEC: return codec.write(value);
            case SCHEDULE: return ((SpecWritable) value).toSpec();
            case CHOICE:
            case STRING:
                return f.textNode((String) value);
            case STEP_MAP: return ObjectValues.writeStepMap((Map<?, ?>) value);
            case RECORDS: return ObjectValues.writeRecords((List<?>) value, fields);
            default:
                ArrayNode a = f.arrayNode();
                for (Object e : (List<?>) value) {
                    if (e instanceof Double d) {
                        a.add(d);
                    } else if (e instanceof Long l) {
                        a.add(l);
                    } else {
                        a.add(((SpecWritable) e).toSpec());
                    }
                }
                return a;
        }
    }
}
