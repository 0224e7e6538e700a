package io.reelflow.cli;

import io.reelflow.connectors.catalog.AssetDescriptions;
import io.reelflow.connectors.catalog.AssetImporter;
import io.reelflow.connectors.catalog.ImportReport;
import io.reelflow.connectors.catalog.ImportedFile;
import io.reelflow.connectors.catalog.JdbcAssetCatalog;
import io.reelflow.connectors.catalog.S3ObjectLister;
import io.reelflow.connectors.jdbc.JdbcSchema;
import io.reelflow.connectors.s3.S3ObjectStore;
import io.reelflow.job.ConnectorSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/**
 * {@code reelflow assets import|export|import-jsonl}: fills and copies the asset catalog in
 * PostgreSQL. The database and bucket come from the job's own options ({@code --reelflow.jdbc.url},
 * {@code --reelflow.s3.endpoint}, ...), so the catalog the job reads is the one filled here.
 */
public final class AssetsCommand {
    static final String USAGE =
            String.join(
                    "\n",
                    "  assets   the asset catalog in PostgreSQL (database and bucket from the job's options):",
                    "           import <folder|s3://bucket/prefix> [--descriptions a.tsv[,b.tsv]] [--language en]",
                    "                  [--threads 2]   probe, upload, thumbnail and catalogue media;",
                    "                  exit code 2 when files were rejected",
                    "           export <file.jsonl>         write the catalog as JSON lines",
                    "           import-jsonl <file.jsonl>   upsert JSON lines (bad lines are skipped)");

    private AssetsCommand() {}

    static int run(CommandLine line, PrintStream out, PrintStream err, boolean console)
            throws Exception {
        List<String> arguments = line.arguments();
        if (arguments.size() != 2) {
            err.println("assets needs a subcommand and one argument");
            err.println(USAGE);
            return 2;
        }
        ConnectorSettings settings = ConnectorSettings.from(Configuration.fromMap(line.options()));
        String argument = arguments.get(1);
        switch (arguments.get(0)) {
            case "import":
                return importMedia(line, argument, settings, out, err, console);
            case "export":
                {
                    JdbcAssetCatalog catalog = catalog(settings);
                    int count = catalog.exportJsonLines(Path.of(argument));
                    out.printf("exported %d assets to %s%n", count, argument);
                    return 0;
                }
            case "import-jsonl":
                {
                    JdbcAssetCatalog.JsonLinesImport result =
                            catalog(settings).importJsonLines(Path.of(argument));
                    out.printf(
                            "%s: %d inserted, %d updated, %d unchanged, %d lines skipped%n",
                            argument,
                            result.inserted(),
                            result.updated(),
                            result.unchanged(),
                            result.skipped().size());
                    result.skipped().forEach(reason -> out.println("  skipped " + reason));
                    return result.skipped().isEmpty() ? 0 : 2;
                }
            default:
                err.println("unknown assets subcommand: " + arguments.get(0));
                err.println(USAGE);
                return 2;
        }
    }

    private static int importMedia(
            CommandLine line,
            String source,
            ConnectorSettings settings,
            PrintStream out,
            PrintStream err,
            boolean console)
            throws Exception {
        AssetDescriptions descriptions =
                AssetDescriptions.read(descriptionFiles(line.option("descriptions", "")));
        JdbcAssetCatalog catalog = catalog(settings);
        ImportReport report;
        try (S3ObjectStore store = new S3ObjectStore(settings.storage());
                S3ObjectLister lister = new S3ObjectLister(settings.storage())) {
            report =
                    AssetImporter.builder()
                            .catalog(catalog)
                            .objectStore(store)
                            .lister(lister)
                            .descriptions(descriptions)
                            .language(line.option("language", AssetImporter.DEFAULT_LANGUAGE))
                            .threads(line.intOption("threads", AssetImporter.DEFAULT_THREADS))
                            .listener(new ProgressBar(err, console))
                            .build()
                            .importFrom(source);
        }
        out.println(report.summary());
        for (ImportedFile rejected : report.withOutcome(ImportedFile.Outcome.REJECTED)) {
            out.printf("  rejected %s: %s%n", rejected.source(), rejected.reason());
        }
        return report.hasRejections() ? 2 : 0;
    }

    static List<Path> descriptionFiles(String option) {
        return Arrays.stream(option.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(Path::of)
                .toList();
    }

    private static JdbcAssetCatalog catalog(ConnectorSettings settings) throws Exception {
        JdbcSchema.apply(settings.database());
        return new JdbcAssetCatalog(settings.database());
    }
}
