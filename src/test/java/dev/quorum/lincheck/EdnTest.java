package dev.quorum.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EdnTest {

    static final Edn.Limits LIMITS = new Edn.Limits(1_000_000, 100_000);
    private static final Budget BUDGET = Budget.states(100_000);

    static String resource(String name) {
        try (InputStream in = EdnTest.class.getResourceAsStream("/lincheck/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MalformedHistory malformed(String text) {
        return assertThrows(MalformedHistory.class, () -> Edn.read(text, LIMITS));
    }

    @Nested
    class JepsenHistories {

        @Test
        void anEtcdStyleRegisterHistoryReadsWithItsNemesisSkippedAndChecksLinearizable() {
            History h = Edn.read(resource("etcd-register.edn"), LIMITS, Register.empty());
            assertEquals(14, h.size());
            Operation timedOut = h.operations().get(4);
            assertEquals(List.of(4L, "write", Outcome.INFO, 10L, 15L, 31002201L), List.of(timedOut.process(), timedOut.f(),
                    timedOut.outcome(), timedOut.invokeIndex(), timedOut.completeIndex(), timedOut.invokeTime()));
            Operation pending = h.operations().get(12);
            assertEquals(List.of(9L, Outcome.INFO, false), List.of(pending.process(), pending.outcome(), pending.completed()));
            var r = Linearizability.check(h, Register.empty(), BUDGET);
            assertEquals(Verdict.LINEARIZABLE, r.verdict(), r.summary());
            assertTrue(r.partitions().get(0).linearization().contains(timedOut), "the timed-out write landed late");
        }

        @Test
        void aStaleReadAtTheEndOfTheEtcdHistoryIsFound() {
            String stale = resource("etcd-register.edn").replace(":ok, :f :read, :value 2, :process 3", ":ok, :f :read, :value 0, :process 3");
            var r = Linearizability.check(Edn.read(stale, LIMITS), Register.empty(), BUDGET);
            assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
            var v = r.partitions().get(0).violation().orElseThrow();
            assertEquals(List.of("read 0 by process 3 (ok)"), v.blocked().stream().map(Operation::describe).toList());
            assertEquals(new Register.State(2L), v.state());
        }

        @Test
        void anIndependentKvHistoryIsSplitByKeyAndTheStaleKeyReported() {
            History h = Edn.read(resource("independent-kv.edn"), LIMITS, new KeyValueMap());
            var r = Linearizability.check(h, new KeyValueMap(), BUDGET);
            assertEquals(List.of(Optional.of(0L), Optional.of(1L), Optional.of(2L)), r.partitions().stream().map(p -> p.key()).toList());
            assertEquals(List.of(Verdict.LINEARIZABLE, Verdict.NOT_LINEARIZABLE, Verdict.LINEARIZABLE),
                    r.partitions().stream().map(p -> p.verdict()).toList());
            assertEquals(List.of("read [1 nil] by process 2 (ok [1 2])"),
                    r.violations().get(0).violation().orElseThrow().blocked().stream().map(Operation::describe).toList());
        }

        @Test
        void taggedOperationsInAListWithCommentsAndDiscardsRead() {
            History h = Edn.read(resource("tagged-list.edn"), LIMITS);
            assertEquals(3, h.size());
            assertEquals(List.of(5L, 20L), List.of(h.operations().get(1).completeIndex(), h.operations().get(1).completeTime()));
            assertEquals(Verdict.LINEARIZABLE, Linearizability.check(h, Register.empty(), BUDGET).verdict());
        }

        @Test
        void eventsWithoutIndicesAreNumberedInOrderAndUnknownKeysIgnored() {
            History h = Edn.read("{:process 0, :type :invoke, :f :read, :node \"n1\"}\n{:process 0, :type :ok, :f :read, :value 1,"
                    + " :time -5, :extra {:deep [1 2 #{3}]}}", LIMITS);
            Operation op = h.operations().get(0);
            assertEquals(List.of(0L, 1L, Operation.NONE), List.of(op.invokeIndex(), op.completeIndex(), op.completeTime()));
            assertEquals(1L, op.output());
        }

        @Test
        void processesMayBeStringsOrKeywords() {
            History h = Edn.read("{:process \"c1\", :type :invoke, :f :write, :value 1}{:process :c2, :type :invoke, :f :read}"
                    + "{:process \"c1\", :type :ok, :f :write, :value 1}", LIMITS);
            assertEquals(List.of("c1", Keyword.of("c2")), h.operations().stream().map(Operation::process).toList());
        }

        @Test
        void anEmptyTextOrVectorIsAnEmptyHistory() {
            assertEquals(0, Edn.read("", LIMITS).size());
            assertEquals(0, Edn.read(" ; nothing\n[ ]\n", LIMITS).size());
        }
    }

    @Nested
    class Malformed {

        @Test
        void errorsNameTheLineAndColumn() {
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("{:process 0, :type :invoke, :f :read}\n  {:process 0, :type :ok, :f :read, :value 1",
                    "line 2, column 3: this map is never closed");
            cases.put("{:process 0, :type : invoke, :f :read}", "line 1, column 20: a ':' with no keyword name after it");
            cases.put("{:process 0, :type :invoke, :f :1read}", "line 1, column 32: ':1read' is not a keyword");
            cases.put("{:process 0, :type ::invoke, :f :read}", "line 1, column 20: '::' keywords are Clojure's, not EDN");
            cases.put("{:process 0,\n :type :complete, :f :read}", "line 2, column 8: :type is :invoke, :ok, :fail or :info, got :complete");
            cases.put("{:process 0, :type \"ok\", :f :read}", "line 1, column 20: :type is :invoke, :ok, :fail or :info, got \"ok\"");
            cases.put("{:process 0, :type :invoke, :f :read}\n{:process 1, :type :ok, :f :read, :value 3}",
                    "line 2, column 1: process 1 completes read it never invoked (or already completed)");
            cases.put("{:process 0, :type :invoke, :f :read}\n\n{:process 0, :type :invoke, :f :write, :value 1}",
                    "line 3, column 1: process 0 invokes write while its read (invoked at index 0) is in flight");
            cases.put("{:process 0, :type :invoke, :f :read}\n{:process 0, :type :ok, :f :write}",
                    "line 2, column 1: process 0 completes write but its operation in flight is read");
            cases.put("{:type :invoke, :f :read}", "line 1, column 1: an operation needs :process; this map has :type :f");
            cases.put("{:process 0, :type :invoke, :f \"read\"}", "line 1, column 32: :f is a keyword such as :read or :write, got \"read\"");
            cases.put("{:process 1.5, :type :invoke, :f :read}", "line 1, column 11: :process is an integer, a string or a keyword, got 1.5");
            cases.put("{:process 0, :type :invoke, :f :read, :index 4}\n{:process 0, :type :ok, :f :read, :index 4}",
                    "line 2, column 42: :index 4 is not after the previous event's 4");
            cases.put("[{:process 0, :type :invoke, :f :read}", "line 1, column 1: the history's '[' is never closed");
            cases.put("[{:process 0, :type :invoke, :f :read}] {:process 1}", "line 1, column 41: text after the history's closing ']'");
            cases.put("{:process 0, :type :invoke, :f :read, :value \"abc}", "line 1, column 46: this string is never closed");
            cases.put("{:process 0, :type :invoke, :f :read, :value 1.5M}",
                    "line 1, column 46: '1.5M' is not a number EDN knows (integers, 3N, floats such as 1.5e3)");
            cases.put("{:process 0, :type :invoke, :f :read, :value ##Inf}",
                    "line 1, column 46: '##' is not EDN this reader knows (sets #{}, discards #_ and tags #name are)");
            cases.put("{:process 0, :type :invoke, :value 1}", "line 1, column 1: an operation needs :f; this map has :process :type :value");
            cases.put("{:process 0, :process 1, :type :invoke, :f :read}", "line 1, column 14: the key :process appears twice in one map");
            cases.put("{:process 0 :type}", "line 1, column 13: the key :type has no value");
            cases.put("(:process 0)", "line 1, column 2: expected an operation, a map such as {:process 0, :type :invoke, :f :read,"
                    + " :value nil}, but found ':'");
            cases.put("{:process 0, :type :invoke, :f :read}}", "line 1, column 38: expected an operation, a map such as {:process 0,"
                    + " :type :invoke, :f :read, :value nil}, but found '}'");
            cases.put("{:process 0, :type :invoke, :f :read, :value [1 2 ]]}", "line 1, column 52: unexpected ']' with nothing open to close");
            cases.put("{:process 0, :type :invoke, :f :read, :value \"\\q\"}", "line 1, column 47: unknown escape '\\q' in a string");
            cases.put("{:process 0, :type :invoke, :f :read, :value #{1 1}}", "line 1, column 50: 1 appears twice in one set");
            cases.put("{:process :nemesis, :type :info, :f :start}\n{:process 0, :type :invoke, :f :read, :value @x}",
                    "line 2, column 46: '@x' is not EDN");
            List<String> wrong = cases.entrySet().stream().filter(c -> !c.getValue().equals(malformed(c.getKey()).getMessage()))
                    .map(c -> c.getKey() + "\n  gives " + malformed(c.getKey()).getMessage()).toList();
            assertEquals(List.of(), wrong);
        }

        @Test
        void theExceptionCarriesLineColumnKindAndReason() {
            MalformedHistory e = malformed("\n\n   {:process 0, :type :bogus, :f :read}");
            assertEquals(List.of(3, 23, MalformedHistory.Kind.HISTORY, ":type is :invoke, :ok, :fail or :info, got :bogus"),
                    List.of(e.line(), e.column(), e.kind(), e.reason()));
            assertEquals(MalformedHistory.Kind.SYNTAX, malformed("{").kind());
        }

        @Test
        void anOperationTheModelCannotTakeIsReportedAtItsEvent() {
            String text = "{:process 0, :type :invoke, :f :write, :value 1}\n{:process 0, :type :ok, :f :write, :value 1}\n"
                    + "{:process 0, :type :invoke, :f :cas, :value 3}";
            var e = assertThrows(MalformedHistory.class, () -> Edn.read(text, LIMITS, Register.empty()));
            assertEquals("line 3, column 45: a cas value is [expected new], got 3", e.getMessage());
            String kv = "{:process 0, :type :invoke, :f :read, :value [:x nil]}\n{:process 0, :type :ok, :f :read, :value [:y 1]}";
            var k = assertThrows(MalformedHistory.class, () -> Edn.read(kv, LIMITS, new KeyValueMap()));
            assertEquals("line 2, column 42: a read of :x completes with [:x value], got [:y 1]", k.getMessage());
            assertEquals(1, Edn.read(kv, LIMITS).size(), "without a model the same text is a history");
        }

        @Test
        void limitsOnCharactersAndOperationsAreTooLarge() {
            String two = "{:process 0, :type :invoke, :f :read}\n{:process 1, :type :invoke, :f :read}\n";
            var ops = assertThrows(MalformedHistory.class, () -> Edn.read(two, new Edn.Limits(1_000, 1)));
            assertEquals(List.of(MalformedHistory.Kind.TOO_LARGE, "line 2, column 1: the history has more than 1 operations"),
                    List.of(ops.kind(), ops.getMessage()));
            var chars = assertThrows(MalformedHistory.class, () -> Edn.read(two, new Edn.Limits(50, 10)));
            assertEquals(List.of(MalformedHistory.Kind.TOO_LARGE, "line 2, column 13: the history is longer than 50 characters"),
                    List.of(chars.kind(), chars.getMessage()));
            assertEquals(2, Edn.read("{:process :nemesis, :type :info, :f :start}" + two, new Edn.Limits(1_000, 2)).size(),
                    "nemesis events are not operations");
        }

        @Test
        void deepNestingAndHugeNumbersAreRefusedQuickly() {
            String deep = "{:process 0, :type :invoke, :f :read, :value " + "[".repeat(200_000) + "}";
            assertEquals("line 1, column 108: values nest deeper than 64", malformed(deep).getMessage());
            String tags = "{:process 0, :type :invoke, :f :read, :value " + "#a ".repeat(100_000) + "1}";
            assertTrue(malformed(tags).getMessage().endsWith("values nest deeper than 64"));
            String discards = "#_".repeat(100_000) + "1";
            assertTrue(malformed(discards).getMessage().endsWith("discards (#_) nest deeper than 64"));
            String huge = "{:process 0, :type :invoke, :f :read, :value " + "9".repeat(500_000) + "}";
            assertEquals("line 1, column 46: a number longer than 64 characters", malformed(huge).getMessage());
            assertEquals("line 1, column 46: '1e999' is too large for a float",
                    malformed("{:process 0, :type :invoke, :f :read, :value 1e999}").getMessage());
        }
    }

    @Nested
    class Writing {

        @Test
        void aHistoryIsWrittenOneEventPerLineInIndexOrder() {
            History h = History.builder().invoke(0, "write", 3, 0, 100).invoke(1, "read", null, 2, 150)
                    .complete(0, "write", Outcome.OK, 3, 5, 200).complete(1, "read", Outcome.OK, 3, 9, Operation.NONE)
                    .invoke("c3", "cas", List.of(3, 4)).build();
            assertEquals("""
                    {:process 0, :type :invoke, :f :write, :value 3, :time 100, :index 0}
                    {:process 1, :type :invoke, :f :read, :value nil, :time 150, :index 2}
                    {:process 0, :type :ok, :f :write, :value 3, :time 200, :index 5}
                    {:process 1, :type :ok, :f :read, :value 3, :index 9}
                    {:process "c3", :type :invoke, :f :cas, :value [3 4], :index 10}
                    """, Edn.write(h));
        }

        @Test
        void everyKindOfValueRoundTrips() {
            Map<Object, Object> map = new LinkedHashMap<>();
            map.put(Keyword.of("a"), Arrays.asList(null, true, false));
            map.put("k", new LinkedHashSet<>(List.of(1L, "two")));
            List<Object> values = Arrays.asList(null, 0L, -7L, Long.MAX_VALUE, new BigInteger("123456789012345678901234567890"),
                    new BigInteger("-5"), 1.5, -0.0, 1e-300, 6.02e23, "", "quote \" backslash \\ tab \t newline \n bell \u0007 é",
                    'x', ' ', '\n', '\u00e9', ',', Keyword.of("ns/name"), new Symbol("java.net.SocketTimeoutException"),
                    List.of(), List.of(List.of(1L, 2L), "x"), map);
            HistoryBuilder b = History.builder();
            for (int k = 0; k < values.size(); k++) {
                b.invoke(k % 3, "write", values.get(k), 2L * k, k % 2 == 0 ? k * 1000L : Operation.NONE);
                b.complete(k % 3, "write", k % 5 == 0 ? Outcome.INFO : Outcome.OK, values.get(values.size() - 1 - k), 2L * k + 1,
                        Operation.NONE);
            }
            History h = b.invoke(Keyword.of("c9"), "read", null).build();
            assertEquals(h, Edn.read(Edn.write(h), LIMITS));
            assertEquals(-5L, h.operations().get(5).input(), "a BigInteger that fits is a Long");
        }

        @Test
        void randomHistoriesRoundTrip() {
            SplittableRandom random = new SplittableRandom(7);
            for (int k = 0; k < 300; k++) {
                History h = RandomHistories.register(random, 12, 1 + random.nextInt(4));
                assertEquals(h, Edn.read(Edn.write(h), LIMITS));
            }
        }

        @Test
        void theSamplesRoundTrip() {
            for (String name : List.of("etcd-register.edn", "independent-kv.edn", "tagged-list.edn")) {
                History h = Edn.read(resource(name), LIMITS);
                assertEquals(h, Edn.read(Edn.write(h), LIMITS), name);
            }
        }
    }
}
