package dev.quorum.search;

import dev.quorum.catalog.CanonicalUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judged queries of src/test/resources/search/judgments.tsv, and the two measures we hold
 * relevance to: nDCG@10 (graded: is the best first?) and MRR (how soon is the first relevant hit?).
 */
final class Judgments {

    static final int DEPTH = 10;

    /** A query and the grade (1–3) of each document judged relevant, by search id (resource id or topic slug). */
    record Judged(String query, Map<String, Integer> grades) {
    }

    private Judgments() {
    }

    static List<Judged> load() throws IOException {
        Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
        try (InputStream in = Judgments.class.getResourceAsStream("/search/judgments.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int lineNo = 0;
            for (String line : text.split("\n")) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3) {
                    throw new IllegalStateException("judgments.tsv:" + lineNo + ": expected query<TAB>grade<TAB>target");
                }
                byQuery.computeIfAbsent(cols[0], q -> new LinkedHashMap<>()).put(searchId(cols[2].strip()), Integer.parseInt(cols[1]));
            }
        }
        List<Judged> out = new ArrayList<>();
        byQuery.forEach((q, grades) -> out.add(new Judged(q, grades)));
        return out;
    }

    static String searchId(String target) {
        return target.startsWith("/topics/") ? target.substring("/topics/".length()) : CanonicalUrl.of(target).resourceId();
    }

    /** Normalised discounted cumulative gain of the first {@link #DEPTH} results, gains 2^grade − 1. */
    static double ndcg(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(DEPTH, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** 1 / rank of the first judged document in the first {@link #DEPTH}, or 0. */
    static double reciprocalRank(List<String> ranked, Map<String, Integer> grades) {
        for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
