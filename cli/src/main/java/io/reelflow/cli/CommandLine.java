package io.reelflow.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * A parsed command line: {@code <command> [--key value | --flag]... [argument]...}. Keys are kept
 * as given, so {@code --reelflow.kafka.bootstrap-servers host:9092} sets that configuration option.
 */
public final class CommandLine {
    private final String command;
    private final Map<String, String> options;
    private final Set<String> flags;
    private final List<String> arguments;

    private CommandLine(
            String command,
            Map<String, String> options,
            Set<String> flags,
            List<String> arguments) {
        this.command = command;
        this.options = Collections.unmodifiableMap(options);
        this.flags = Collections.unmodifiableSet(flags);
        this.arguments = List.copyOf(arguments);
    }

    /**
     * Parses {@code args}; a {@code --name} in {@code knownFlags} takes no value, any other {@code
     * --name} takes the next argument.
     */
    public static CommandLine parse(String[] args, Set<String> knownFlags) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing command");
        }
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new TreeSet<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                arguments.add(arg);
                continue;
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals > 0) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (knownFlags.contains(name)) {
                flags.add(name);
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        return new CommandLine(args[0], options, flags, arguments);
    }

    public String command() {
        return command;
    }

    /** Every {@code --key value}, for the job's configuration. */
    public Map<String, String> options() {
        return options;
    }

    /**
     * The options as the job's configuration, so {@code $(cat .local/connection.args)} works;
     * {@code shortNames} lets a short option ({@code --jdbc-url}) stand for a key it names, and
     * wins over that key.
     */
    public Configuration configuration(Map<String, ConfigOption<String>> shortNames) {
        Configuration config = Configuration.fromMap(options);
        shortNames.forEach(
                (name, option) -> {
                    String value = options.get(name);
                    if (value != null) {
                        config.set(option, value);
                    }
                });
        return config;
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int intOption(String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + name + " must be a number, got '" + value + "'");
        }
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public List<String> arguments() {
        return arguments;
    }
}
