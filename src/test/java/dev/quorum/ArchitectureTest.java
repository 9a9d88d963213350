package dev.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows of docs/architecture.md honest by reading the main sources: catalog imports no feature
 * package, nothing imports web, a protocol package uses only the demo engine and the linearizability checker,
 * the engine may use the checker (a history check is an invariant like any other), and the engine and the
 * checker use the JDK only; the checker uses nothing of ours. Packages are keyed two names deep under {@code demo} (so {@code demo.engine} cannot reach
 * {@code demo.clocks}), and a fully qualified name in the code counts as much as an import.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/quorum");

    /** Any mention of one of our packages: in an import, or as a qualified name in code. */
    private static final Pattern OURS = Pattern.compile("\\bdev\\.quorum\\.([a-z]+)(?:\\.([a-z]+))?\\b");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([a-zA-Z_][\\w.]*)", Pattern.MULTILINE);

    /** For each package, the packages of ours it may use. A protocol package is any {@code demo.<name>}. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "platform", Set.of(),
            "catalog", Set.of(),
            "content", Set.of("catalog", "platform"),
            "scrape", Set.of("catalog", "platform"),
            "search", Set.of("catalog", "platform"),
            "demo.engine", Set.of("lincheck"),
            "lincheck", Set.of(),
            "demo", Set.of("demo.engine", "demo.*"),
            "cli", Set.of("content", "demo", "platform"),
            "web", Set.of("catalog", "content", "scrape", "search", "demo", "demo.engine", "demo.*", "lincheck", "platform"));
    private static final Set<String> PROTOCOL_ALLOWED = Set.of("demo.engine", "lincheck");

    /** The packages held to the JDK alone: the simulator and the linearizability checker. */
    private static final Set<String> JDK_ONLY = Set.of("demo.engine", "lincheck");

    /** What they may use from the JDK: values, collections and reflection on records; no I/O, SQL or threads. */
    private static final List<String> ENGINE_JDK = List.of("java.lang.", "java.util.", "java.math.");
    private static final List<String> ENGINE_FORBIDDEN = List.of("java.util.concurrent", "java.sql", "java.io", "java.nio",
            "java.net", "java.time", "jakarta.", "javax.", "io.quarkus", "io.vertx", "org.", "com.");

    @Test
    void dependenciesPointOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            Set<String> allowed = allowed(pkg);
            if (allowed == null) {
                violations.add(file + ": package '" + pkg + "' is not in docs/architecture.md");
                continue;
            }
            Matcher m = OURS.matcher(code(file));
            while (m.find()) {
                String target = key(m.group(1), m.group(2));
                if (!target.equals(pkg) && !permits(allowed, target)) {
                    violations.add(file + ": " + pkg + " must not use dev.quorum." + target);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theDemoEngineAndTheCheckerUseTheJdkOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Path file : sources()) {
            String pkg = packageOf(file);
            if (!JDK_ONLY.contains(pkg)) {
                continue;
            }
            checked++;
            String code = code(file);
            Matcher imports = IMPORT.matcher(code);
            while (imports.find()) {
                String name = imports.group(1);
                boolean ours = ALLOWED.get(pkg).stream().anyMatch(p -> name.startsWith("dev.quorum." + p + "."));
                if (!name.startsWith("dev.quorum." + pkg + ".") && !ours && ENGINE_JDK.stream().noneMatch(name::startsWith)) {
                    violations.add(file + ": " + pkg + " must not import " + name);
                }
            }
            for (String forbidden : ENGINE_FORBIDDEN) {
                if (Pattern.compile("\\b" + Pattern.quote(forbidden)).matcher(code).find()) {
                    violations.add(file + ": " + pkg + " must not use " + forbidden + "…");
                }
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(checked > 0, "no sources found for " + JDK_ONLY);
    }

    @Test
    void theRuleSeesQualifiedNamesAndKeysDemoPackagesTwoDeep() {
        Matcher m = OURS.matcher("var x = dev.quorum.demo.clocks.LamportClocks.CORRECT;");
        assertTrue(m.find());
        assertEquals("demo.clocks", key(m.group(1), m.group(2)));
        assertTrue(!permits(allowed("demo.engine"), "demo.clocks"), "the engine may not use a protocol");
        assertTrue(!permits(allowed("demo.clocks"), "demo.paxos"), "a protocol may not use another protocol");
        assertTrue(permits(allowed("demo.clocks"), "demo.engine"));
        assertTrue(!permits(allowed("demo.clocks"), "web"));
        assertTrue(permits(allowed("demo.clocks"), "lincheck"), "a protocol may check linearizability");
        assertTrue(permits(allowed("web"), "lincheck"));
        assertTrue(!permits(allowed("lincheck"), "demo.engine"), "the checker stands alone");
        assertTrue(permits(allowed("demo.engine"), "lincheck"), "the engine checks histories with it");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The package key of a source file: {@code search}, {@code demo}, {@code demo.engine}, {@code demo.clocks}. */
    private static String packageOf(Path file) {
        Path rel = MAIN.relativize(file);
        String first = rel.getName(0).toString();
        return first.equals("demo") && rel.getNameCount() > 2 ? "demo." + rel.getName(1) : first;
    }

    private static String key(String first, String second) {
        return first.equals("demo") && second != null ? "demo." + second : first;
    }

    private static Set<String> allowed(String pkg) {
        if (pkg.startsWith("demo.") && !pkg.equals("demo.engine")) {
            return PROTOCOL_ALLOWED;
        }
        return ALLOWED.get(pkg);
    }

    private static boolean permits(Set<String> allowed, String target) {
        return allowed.contains(target) || target.startsWith("demo.") && !target.equals("demo.engine") && allowed.contains("demo.*");
    }

    /** The source without comments, string, character and text-block literals, minus its package line. */
    private static String code(Path file) throws IOException {
        String src = Files.readString(file);
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            if (src.startsWith("//", i)) {
                i = end(src, src.indexOf('\n', i), src.length());
            } else if (src.startsWith("/*", i)) {
                i = end(src, src.indexOf("*/", i + 2), src.length() - 2) + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                i = end(src, src.indexOf("\"\"\"", i + 3), src.length() - 3) + 3;
                out.append("\"\"");
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char quote = src.charAt(i++);
                while (i < src.length() && src.charAt(i) != quote) {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append("\"\"");
            } else {
                out.append(src.charAt(i++));
            }
        }
        return out.toString().replaceFirst("(?m)^package [\\w.]+;", "");
    }

    private static int end(String src, int found, int otherwise) {
        return found < 0 ? otherwise : found;
    }
}
