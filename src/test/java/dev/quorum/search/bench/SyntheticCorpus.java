package dev.quorum.search.bench;

import dev.quorum.search.SearchDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic corpus shaped like ours: short titles, a sentence or two of description, a few
 * hundred words of page text, one or two topics, mostly English with some Russian. Each topic has its
 * own slice of the distributed-systems vocabulary (as a real page on consensus rarely says "fsync"),
 * and words within a slice and within 4,000 filler words are drawn Zipf-like, so the commonest term
 * of a topic is in about a fifth of the documents and rarer ones in a few.
 */
public final class SyntheticCorpus {

    static final String[] TERMS = ("consensus paxos raft leader election log replication quorum majority clock clocks lamport "
            + "vector causality timestamp gossip membership failure detector heartbeat partition network latency timeout "
            + "retry backoff idempotent transaction isolation serializable snapshot linearizable consistency eventual crdt "
            + "merge conflict shard sharding hash ring rebalance load balancer queue backpressure overload capacity "
            + "throughput tail percentile cache invalidation lease lock fencing token coordinator zookeeper etcd byzantine "
            + "fault tolerance replica primary backup failover checkpoint recovery durability fsync storage engine compaction "
            + "tracing observability testing jepsen chaos simulation deterministic model checking invariant proof tla").split(" ");
    static final String[] RUSSIAN = ("распределённая система согласованность репликация отказ узел сеть задержка транзакция "
            + "изоляция шардирование нагрузка очередь часы лидер выборы кворум журнал восстановление тестирование").split(" ");
    private static final String[] TOPICS = {"time-and-clocks", "consensus", "membership", "transactions-and-consistency",
        "coordination", "load-and-overload", "testing-and-debugging", "architecture-and-practice", "learning-path"};
    private static final String[] KINDS = {"article", "article", "article", "paper", "video", "repository", "list", "course"};
    private static final int FILLER = 4_000;

    private final String[] filler = new String[FILLER];

    public SyntheticCorpus() {
        SplittableRandom random = new SplittableRandom(1);
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < FILLER; i++) {
            StringBuilder w = new StringBuilder();
            int length = 3 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                w.append(letters.charAt(random.nextInt(letters.length())));
            }
            filler[i] = w.toString();
        }
    }

    /** Document {@code i} of any corpus: the same i always gives the same document. */
    SearchDocument document(int i) {
        SplittableRandom random = new SplittableRandom(1_000_003L * i + 17);
        boolean russian = random.nextInt(20) == 0;
        String language = russian ? "ru" : "en";
        int first = random.nextInt(TOPICS.length);
        int second = random.nextInt(TOPICS.length);
        int[] topicIndexes = random.nextBoolean() && second != first ? new int[] {first, second} : new int[] {first};
        List<String> topics = new ArrayList<>();
        for (int t : topicIndexes) {
            topics.add(TOPICS[t]);
        }
        String title = words(random, 3 + random.nextInt(6), russian, 0.6, topicIndexes);
        String description = words(random, 15 + random.nextInt(15), false, 0.4, topicIndexes);
        String body = words(random, 100 + random.nextInt(200), russian, 0.15, topicIndexes);
        return new SearchDocument(SearchDocument.RESOURCE, String.format("%012x", i), "https://example.org/" + i,
                title, description, KINDS[random.nextInt(KINDS.length)], language, "Author " + (i % 997),
                "site" + (i % 211) + ".example.org", topics, String.join(". ", topics), body);
    }

    public void forEach(int count, Consumer<SearchDocument> sink) {
        for (int i = 0; i < count; i++) {
            sink.accept(document(i));
        }
    }

    /** Mostly one to three domain terms; some phrases, some exclusions, some misspellings, some Russian. */
    public List<String> queries(int count) {
        SplittableRandom random = new SplittableRandom(99);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(20);
            String a = zipfTerm(random), b = zipfTerm(random), c = zipfTerm(random);
            out.add(switch (kind) {
                case 0 -> "\"" + a + " " + b + "\"";
                case 1 -> a + " -" + b;
                case 2 -> a + " OR " + b;
                case 3 -> misspell(a, random) + " " + b;
                case 4 -> RUSSIAN[random.nextInt(RUSSIAN.length)] + " " + RUSSIAN[random.nextInt(RUSSIAN.length)];
                case 5, 6, 7, 8, 9, 10 -> a;
                case 11, 12, 13, 14, 15, 16 -> a + " " + b;
                default -> a + " " + b + " " + c;
            });
        }
        return out;
    }

    private String words(SplittableRandom random, int count, boolean russian, double termShare, int[] topics) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(random.nextInt(12) == 0 ? ". " : " ");
            }
            if (random.nextDouble() < termShare) {
                out.append(russian && random.nextBoolean() ? RUSSIAN[random.nextInt(RUSSIAN.length)]
                        : topicTerm(random, topics[random.nextInt(topics.length)]));
            } else {
                out.append(filler[zipf(random, FILLER)]);
            }
        }
        return out.toString();
    }

    /** Terms of topic {@code t}: its own slice of {@link #TERMS}, Zipf-like within the slice. */
    private static String topicTerm(SplittableRandom random, int t) {
        int slice = TERMS.length / TOPICS.length;
        return TERMS[t * slice + zipf(random, slice)];
    }

    private static String zipfTerm(SplittableRandom random) {
        return topicTerm(random, random.nextInt(TOPICS.length));
    }

    /** Rank r with probability about 1/r (inverse transform on a continuous approximation). */
    private static int zipf(SplittableRandom random, int n) {
        double x = Math.exp(random.nextDouble() * Math.log(n + 1.0)) - 1;
        return Math.min(n - 1, (int) x);
    }

    private static String misspell(String word, SplittableRandom random) {
        if (word.length() < 5) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        return word.substring(0, at) + word.substring(at + 1); // drop one letter
    }
}
