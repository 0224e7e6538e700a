package io.reelflow.cli;

import io.reelflow.cli.local.LocalMode;
import io.reelflow.cli.replay.ReplayPlan;
import io.reelflow.job.ReelflowJob;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.configuration.Configuration;

/** The {@code reelflow} commands: the launcher script's entry point. */
public final class ReelflowCli {
    static final String USAGE =
            String.join(
                    "\n",
                    "usage: reelflow <command> [options]",
                    "",
                    "  run      run the job (unbounded, from Kafka); options: --<config key> <value>",
                    ReplayPlan.USAGE,
                    "  local    start embedded Kafka, S3, PostgreSQL and the reference sidecar, run the job",
                    "           with the web UI on :8081 and publish the samples in examples/;",
                    "           flags: --exit-when-done; options: --examples <dir> --data-dir <dir>",
                    "           --kafka-port 9092 --s3-port 9000 --postgres-port 5433 --sidecar-port 8090",
                    "           --web-ui-port 8081 --parallelism 2 [--metrics-port 9249: Prometheus, every interface]",
                    "           --generation-protocol video-jobs|multipart|images|comfyui",
                    "  publish  publish request files (JSON object, array or lines) to Kafka:",
                    "           [--bootstrap-servers localhost:9092] [--topic reelflow.requests] [--avro] <file>...",
                    StatusCommand.USAGE,
                    CancelCommand.USAGE,
                    AssetsCommand.USAGE);

    private ReelflowCli() {}

    public static void main(String[] args) throws Exception {
        int exitCode = run(args);
        // `run` and `replay` return when their job ends; the other commands own the process.
        if (exitCode != 0 || endsProcess(args)) {
            System.exit(exitCode);
        }
    }

    /**
     * True for commands that own their process ({@code local}, {@code publish}, {@code assets},
     * {@code status}, {@code cancel}), unlike {@code run}.
     */
    public static boolean endsProcess(String[] args) {
        return args.length > 0
                && Set.of("local", "publish", "assets", "status", "cancel").contains(args[0]);
    }

    /** Runs a command and returns the process exit code. */
    public static int run(String[] args) throws Exception {
        return run(args, System.out, System.err, System.console() != null);
    }

    /** Runs a command with its own output streams (embedding, tests); returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        return run(args, out, err, false);
    }

    /** {@code console}: stderr is a terminal, so progress may redraw one line. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean console)
            throws Exception {
        CommandLine line;
        try {
            Set<String> flags = new HashSet<>(Set.of("exit-when-done", "avro", "help"));
            flags.addAll(ReplayPlan.FLAGS);
            line = CommandLine.parse(args, flags);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (line.flag("help")) {
            // Every command answers --help with the usage instead of starting its work.
            out.println(USAGE);
            return 0;
        }
        switch (line.command()) {
            case "run":
                ReelflowJob.execute(Configuration.fromMap(line.options()));
                return 0;
            case "replay":
                return ReplayCommand.run(line, out, err);
            case "local":
                return LocalMode.run(line, out);
            case "publish":
                return PublishCommand.run(line, out, err);
            case "assets":
                return AssetsCommand.run(line, out, err, console);
            case "status":
                return StatusCommand.run(line, out, err);
            case "cancel":
                return CancelCommand.run(line, out, err);
            default:
                err.println(USAGE);
                return 2;
        }
    }
}
