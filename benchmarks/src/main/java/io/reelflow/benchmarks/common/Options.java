package io.reelflow.benchmarks.common;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} pairs and bare {@code --flag}s of a benchmark main, parsed once. */
public final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args}; names in {@code flags} take no value, every other option takes one.
     *
     * @throws IllegalArgumentException on a stray word, a missing value or an unknown option
     */
    public static Options parse(String[] args, Set<String> known, Set<String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException(
                        "expected --option, got " + args[i] + " in " + Arrays.toString(args));
            }
            String name = args[i].substring(2);
            if (!known.contains(name) && !flags.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown option --" + name + "; known: " + known + " and flags " + flags);
            }
            if (flags.contains(name)) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return new Options(values);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The value of a mandatory option. */
    public String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    /**
     * The absolute path given as {@code --work}, else the folder {@code name} next to {@code out}
     * (where a benchmark keeps its videos and logs beside its JSON).
     */
    public Path work(Path out, String name) {
        return Path.of(get("work", out.toAbsolutePath().getParent().resolve(name).toString()))
                .toAbsolutePath();
    }

    public int getInt(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, was " + value);
        }
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /**
     * {@code "key=value;key=value"} pairs, in order; blanks dropped.
     *
     * @throws IllegalArgumentException for a pair without a key
     */
    public Map<String, String> pairs(String name) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : get(name, "").split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(
                        "--" + name + " needs key=value pairs, got " + pair);
            }
            pairs.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return pairs;
    }

    /** A comma-separated list, blanks dropped. */
    public List<String> list(String name, String fallback) {
        return Arrays.stream(get(name, fallback).split(","))
                .map(String::trim)
                .filter(part -> !part.isEmpty())
                .toList();
    }
}
