package org.sched4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsed {@code --flag value} options of one command, with typed getters that name the flag on error. */
final class Options {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Options() {
    }

    /** Parses {@code args}; every flag must be in {@code allowed} and have a value. */
    static Options parse(String command, String[] args, Set<String> allowed) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!flag.startsWith("--")) {
                throw new CliException(command + ": unexpected argument '" + flag + "' (options start with --)");
            }
            if (!allowed.contains(flag)) {
                throw new CliException(flag + ": unknown option for " + command + " (allowed: "
                        + String.join(", ", allowed) + ")");
            }
            if (i + 1 >= args.length) {
                throw new CliException(flag + ": needs a value");
            }
            o.values.computeIfAbsent(flag, k -> new ArrayList<>()).add(args[++i]);
        }
        return o;
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }

    /** The value of a flag given at most once. */
    String get(String flag) {
        List<String> v = values.get(flag);
        if (v == null) {
            return null;
        }
        if (v.size() > 1) {
            throw new CliException(flag + ": given more than once");
        }
        return v.get(0);
    }

    List<String> all(String flag) {
        return values.getOrDefault(flag, List.of());
    }

    String required(String flag) {
        String v = get(flag);
        if (v == null) {
            throw new CliException(flag + ": is required");
        }
        return v;
    }

    /** An integer flag within {@code [min, max]}. */
    long integer(String flag, long def, long min, long max) {
        String v = get(flag);
        if (v == null) {
            return def;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new CliException(flag + ": must be an integer (got '" + v + "')");
        }
        if (n < min || n > max) {
            throw new CliException(flag + ": must be between " + min + " and " + max + " (got " + n + ")");
        }
        return n;
    }

    /** {@code JSON} as given, or the contents of {@code @FILE}. */
    static String textOrFile(String flag, String value) {
        if (!value.startsWith("@")) {
            return value;
        }
        return readFile(flag, value.substring(1));
    }

    static String readFile(String flag, String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CliException(flag + ": no such file: " + file);
        } catch (IOException | RuntimeException e) {
            throw new CliException(flag + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
