package dev.quorum.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./mvnw -q compile exec:java@lint-content [-Dcontent.dir=DIR]}: checks a content folder and prints
 * one line per finding as {@code path:line:col: error|warning: message}. Exits 1 when there is an error.
 */
public final class LintCommand {

    private LintCommand() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("content.dir", "content"));
        if (!Files.isDirectory(dir)) {
            System.err.println(dir + ": not a directory (pass -Dcontent.dir=DIR)");
            System.exit(2);
        }
        List<Finding> findings = new ContentLinter().lint(new ContentLoader().load(dir));
        findings.forEach(System.out::println);
        long errors = findings.stream().filter(Finding::isError).count();
        System.err.printf("%s: %d error(s), %d warning(s)%n", dir, errors, findings.size() - errors);
        System.out.flush();
        System.exit(errors > 0 ? 1 : 0);
    }
}
