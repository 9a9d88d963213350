package dev.quorum.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The checker on histories whose answer is known: the classic register examples, info and fail, keys. */
class LinearizabilityTest {

    private static final Budget PLENTY = Budget.states(1_000_000);

    static Linearizability.Result register(HistoryBuilder b) {
        return Linearizability.check(b.build(), Register.empty(), PLENTY);
    }

    static HistoryBuilder h() {
        return History.builder();
    }

    private static List<String> described(List<Operation> ops) {
        return ops.stream().map(Operation::describe).toList();
    }

    @Nested
    class Registers {

        @Test
        void aReadAfterACompletedWriteThatSeesTheOlderValueIsAViolation() {
            var r = register(h().invoke(0, "write", 1).ok(0, 1).invoke(0, "write", 2).ok(0, 2)
                    .invoke(1, "read", null).ok(1, 1));
            assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
            var v = r.partitions().get(0).violation().orElseThrow();
            assertEquals(List.of("write 1 by process 0 (ok)", "write 2 by process 0 (ok)"), described(v.prefix()));
            assertEquals(new Register.State(2L), v.state());
            assertEquals(List.of("read 1 by process 1 (ok)"), described(v.blocked()));
            assertEquals("not linearizable: after 2 operations the register holds 2, and read 1 by process 1 (ok) cannot take effect"
                    + " (2 states)", r.summary());
        }

        @Test
        void aReadConcurrentWithAWriteMaySeeEitherValue() {
            for (Object seen : new Object[] {null, 1L}) {
                var r = register(h().invoke(0, "write", 1).invoke(1, "read", null).ok(1, seen).ok(0, 1));
                assertEquals(Verdict.LINEARIZABLE, r.verdict(), "read " + seen);
            }
        }

        @Test
        void aReadOfAValueNoWriteWroteIsAViolation() {
            var r = register(h().invoke(0, "write", 1).invoke(1, "read", null).ok(1, 2L).ok(0, 1));
            assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
            assertEquals(List.of("read 2 by process 1 (ok)"), described(r.partitions().get(0).violation().orElseThrow().blocked()));
        }

        @Test
        void aReadOfNilAfterAWriteIsAViolation() {
            var r = register(h().invoke(0, "write", 1).ok(0, 1).invoke(1, "read", null).ok(1, null));
            assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
        }

        @Test
        void aSuccessfulCasChangesTheValueAndAFailedOneDoesNot() {
            assertEquals(Verdict.LINEARIZABLE, register(h().invoke(0, "write", 0).ok(0, 0)
                    .invoke(0, "cas", List.of(0, 1)).ok(0, List.of(0, 1)).invoke(1, "read", null).ok(1, 1)).verdict());
            assertEquals(Verdict.LINEARIZABLE, register(h().invoke(0, "write", 0).ok(0, 0)
                    .invoke(0, "cas", List.of(1, 2)).fail(0, List.of(1, 2)).invoke(1, "read", null).ok(1, 0)).verdict());
        }

        @Test
        void aCasThatSucceedsOnAValueTheRegisterDoesNotHoldIsAViolation() {
            var r = register(h().invoke(0, "write", 0).ok(0, 0).invoke(0, "cas", List.of(1, 2)).ok(0, List.of(1, 2)));
            assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
            assertEquals(List.of("cas [1 2] by process 0 (ok)"), described(r.partitions().get(0).violation().orElseThrow().blocked()));
        }

        @Test
        void concurrentCasesMustTakeEffectInAnOrderTheirExpectedValuesAllow() {
            // cas [0 1] and cas [1 2] overlap; the read of 2 forces [0 1] first even though [1 2] was invoked first
            var r = register(h().invoke(0, "write", 0).ok(0, 0).invoke(1, "cas", List.of(1, 2)).invoke(2, "cas", List.of(0, 1))
                    .ok(2, List.of(0, 1)).ok(1, List.of(1, 2)).invoke(0, "read", null).ok(0, 2));
            assertEquals(Verdict.LINEARIZABLE, r.verdict());
            assertEquals(List.of("write 0 by process 0 (ok)", "cas [0 1] by process 2 (ok)", "cas [1 2] by process 1 (ok)",
                    "read 2 by process 0 (ok)"), described(r.partitions().get(0).linearization()));
        }

        @Test
        void aStartingValueReplacesNil() {
            var b = h().invoke(0, "read", null).ok(0, 5);
            assertEquals(Verdict.LINEARIZABLE, Linearizability.check(b.build(), Register.startingAt(5), PLENTY).verdict());
            assertEquals(Verdict.NOT_LINEARIZABLE, register(b).verdict());
        }

        @Test
        void knossosRethinkMinimalBlamesTheConcurrentReadNotTheOneAfterIt() {
            // knossos data/cas-register/bad/rethink-fail-minimal.edn: value 0, then write 4 and read 3 concurrently
            var r = register(h().invoke(0, "write", 0).ok(0, 0).invoke(1, "read", null).invoke(2, "write", 4).ok(1, 3)
                    .ok(2, 4).invoke(3, "read", null).ok(3, 4));
            assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
            assertEquals(List.of("read 3 by process 1 (ok)"), described(r.partitions().get(0).violation().orElseThrow().blocked()));
        }

        @Test
        void anEmptyHistoryIsLinearizable() {
            var r = register(h());
            assertEquals(Verdict.LINEARIZABLE, r.verdict());
            assertEquals(0, r.statesExplored());
            assertEquals("linearizable (0 states)", r.summary());
        }
    }

    @Nested
    class Indeterminate {

        @Test
        void anInfoWriteMayTakeEffectAfterLaterOperations() {
            // write 2 was invoked before the read of 1, and must take effect after it
            var r = register(h().invoke(0, "write", 1).ok(0, 1).invoke(1, "write", 2).info(1, 2)
                    .invoke(0, "read", null).ok(0, 1).invoke(0, "read", null).ok(0, 2));
            assertEquals(Verdict.LINEARIZABLE, r.verdict());
            assertEquals(List.of("write 1 by process 0 (ok)", "read 1 by process 0 (ok)", "write 2 by process 1 (info)",
                    "read 2 by process 0 (ok)"), described(r.partitions().get(0).linearization()));
        }

        @Test
        void anInfoWriteTakesEffectOnceAtMost() {
            var r = register(h().invoke(0, "write", 1).ok(0, 1).invoke(1, "write", 2).info(1, 2)
                    .invoke(0, "read", null).ok(0, 2).invoke(0, "write", 1).ok(0, 1).invoke(0, "read", null).ok(0, 2));
            assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
        }

        @Test
        void anInfoOperationThatCanNeverTakeEffectIsLeftOut() {
            // no moment holds 7, so the cas [7 8] cannot be placed anywhere: it never happened
            var r = register(h().invoke(0, "write", 1).ok(0, 1).invoke(1, "cas", List.of(7, 8)).info(1, null)
                    .invoke(0, "read", null).ok(0, 1));
            assertEquals(Verdict.LINEARIZABLE, r.verdict());
            assertEquals(2, r.partitions().get(0).linearization().size());
        }

        @Test
        void anInfoWriteMakesALaterReadOfItsValueLegal() {
            var info = register(h().invoke(0, "write", 1).ok(0, 1).invoke(1, "write", 2).info(1, 2).invoke(0, "read", null).ok(0, 2));
            assertEquals(Verdict.LINEARIZABLE, info.verdict());
            var failed = register(h().invoke(0, "write", 1).ok(0, 1).invoke(1, "write", 2).fail(1, 2).invoke(0, "read", null).ok(0, 2));
            assertEquals(Verdict.NOT_LINEARIZABLE, failed.verdict(), "a failed write did not happen");
        }

        @Test
        void aPendingInvocationIsIndeterminateAndMayTakeEffectLongAfter() {
            var b = h().invoke(1, "write", 2).invoke(0, "write", 1).ok(0, 1).invoke(0, "read", null).ok(0, 1)
                    .invoke(0, "read", null).ok(0, 2);
            History history = b.build();
            assertEquals(Outcome.INFO, history.operations().get(0).outcome());
            assertTrue(!history.operations().get(0).completed());
            assertEquals(Verdict.LINEARIZABLE, Linearizability.check(history, Register.empty(), PLENTY).verdict());
        }

        @Test
        void aFailedWriteIsIgnored() {
            assertEquals(Verdict.LINEARIZABLE, register(h().invoke(0, "write", 1).ok(0, 1).invoke(1, "write", 2).fail(1, 2)
                    .invoke(0, "read", null).ok(0, 1)).verdict());
        }

        @Test
        void anInfoReadConstrainsNothing() {
            var r = register(h().invoke(0, "write", 1).ok(0, 1).invoke(1, "read", null).info(1, 7)
                    .invoke(0, "read", null).ok(0, 1));
            assertEquals(Verdict.LINEARIZABLE, r.verdict());
            assertEquals(2, r.partitions().get(0).linearization().size(), "the info read is not placed");
        }

        @Test
        void anInfoOperationIsNeverBlamed() {
            var r = register(h().invoke(1, "cas", List.of(5, 6)).invoke(0, "read", null).ok(0, 3));
            assertEquals(List.of("read 3 by process 0 (ok)"), described(r.partitions().get(0).violation().orElseThrow().blocked()));
        }
    }

    @Nested
    class Keys {

        private static List<Object> kv(Object key, Object value) {
            return java.util.Arrays.asList(key, value);
        }

        @Test
        void eachKeyIsCheckedAloneAndOnlyTheBrokenOneIsReported() {
            Keyword x = Keyword.of("x");
            Keyword y = Keyword.of("y");
            Keyword z = Keyword.of("z");
            History history = h().invoke(0, "write", kv(x, 1)).ok(0, kv(x, 1))
                    .invoke(1, "write", kv(y, 1)).ok(1, kv(y, 1))
                    .invoke(0, "write", kv(y, 2)).ok(0, kv(y, 2))
                    .invoke(1, "read", kv(x, null)).ok(1, kv(x, 1))
                    .invoke(2, "read", kv(y, null)).ok(2, kv(y, 1))
                    .invoke(2, "read", kv(z, null)).ok(2, kv(z, null)).build();
            var r = Linearizability.check(history, new KeyValueMap(), PLENTY);
            assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
            assertEquals(List.of(Optional.of(x), Optional.of(y), Optional.of(z)), r.partitions().stream().map(p -> p.key()).toList());
            assertEquals(List.of(Verdict.LINEARIZABLE, Verdict.NOT_LINEARIZABLE, Verdict.LINEARIZABLE),
                    r.partitions().stream().map(p -> p.verdict()).toList());
            assertEquals(List.of(y), r.violations().stream().map(p -> p.key().orElseThrow()).toList());
            var v = r.violations().get(0).violation().orElseThrow();
            assertEquals(List.of("read [:y nil] by process 2 (ok [:y 1])"), described(v.blocked()));
            assertEquals("{:y 2}", v.state().toString());
            assertTrue(r.summary().startsWith("not linearizable: key :y: after 2 operations the kv holds {:y 2}"), r.summary());
        }

        @Test
        void kvCasUsesTheTupleValueAsAPair() {
            Keyword x = Keyword.of("x");
            History history = h().invoke(0, "write", kv(x, 0)).ok(0, kv(x, 0)).invoke(0, "cas", kv(x, List.of(0, 3)))
                    .ok(0, kv(x, List.of(0, 3))).invoke(1, "read", kv(x, null)).ok(1, kv(x, 3)).build();
            assertEquals(Verdict.LINEARIZABLE, Linearizability.check(history, new KeyValueMap(), PLENTY).verdict());
        }

        @Test
        void anOperationTheModelDoesNotKnowIsRefusedByName() {
            var e = assertThrows(IllegalArgumentException.class, () -> register(h().invoke(0, "cas", 3).ok(0, 3)));
            assertEquals("operation 0 (cas 3 by process 0 (ok)): a cas value is [expected new], got 3", e.getMessage());
            var kv = assertThrows(IllegalArgumentException.class,
                    () -> Linearizability.check(h().invoke(0, "write", 3).build(), new KeyValueMap(), PLENTY));
            assertTrue(kv.getMessage().contains("a kv value is a [key value] tuple"), kv.getMessage());
            var f = assertThrows(IllegalArgumentException.class, () -> register(h().invoke(0, "increment", 1)));
            assertTrue(f.getMessage().endsWith("a register does :read, :write and :cas, not :increment"), f.getMessage());
        }
    }

    @Nested
    class Budgets {

        /** Writes of 0..n-1 all at once, then a read of a value none of them wrote: every order must be tried. */
        static History hopeless(int writers) {
            HistoryBuilder b = h();
            for (int p = 0; p < writers; p++) {
                b.invoke(p, "write", p);
            }
            for (int p = 0; p < writers; p++) {
                b.ok(p, p);
            }
            return b.invoke(writers, "read", null).ok(writers, -1).build();
        }

        @Test
        void aHopelessHistoryWithATinyBudgetIsUnknownWithTheCount() {
            var r = Linearizability.check(hopeless(24), Register.empty(), Budget.states(1_000));
            assertEquals(Verdict.UNKNOWN, r.verdict());
            assertEquals(1_000, r.statesExplored());
            assertEquals("unknown: budget exhausted after 1,000 states", r.summary());
            assertEquals(Optional.empty(), r.partitions().get(0).violation());
        }

        @Test
        void aSmallEnoughHopelessHistoryIsDecided() {
            var r = Linearizability.check(hopeless(8), Register.empty(), PLENTY);
            assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
            // each non-empty subset of the writes, with the value of its last: the memo makes it 8 * 2^7, not 8!
            assertEquals(8 * 128, r.statesExplored());
        }

        @Test
        void theStopSignalEndsTheSearch() {
            int[] asked = new int[1];
            var r = Linearizability.check(hopeless(24), Register.empty(), new Budget(Long.MAX_VALUE, () -> ++asked[0] > 2));
            assertEquals(Verdict.UNKNOWN, r.verdict());
            assertEquals(3, asked[0]);
            assertTrue(r.summary().startsWith("unknown: stopped after "), r.summary());
        }

        @Test
        void aBudgetSpentOnOneKeyLeavesTheNextUnknownButAViolationStillCounts() {
            Keyword x = Keyword.of("x");
            Keyword y = Keyword.of("y");
            HistoryBuilder b = h().invoke(0, "read", Keys.kv(x, null)).ok(0, Keys.kv(x, 9));
            for (int p = 1; p <= 20; p++) {
                b.invoke(p, "write", Keys.kv(y, p));
            }
            History history = b.build();
            var r = Linearizability.check(history, new KeyValueMap(), Budget.states(50));
            assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
            assertEquals(List.of(Verdict.NOT_LINEARIZABLE, Verdict.LINEARIZABLE), r.partitions().stream().map(p -> p.verdict()).toList());
            var tight = Linearizability.check(history, new KeyValueMap(), Budget.states(1));
            assertEquals(Verdict.NOT_LINEARIZABLE, tight.verdict());
        }
    }

    @Test
    void theSameHistoryAlwaysGivesTheSameResult() {
        History history = Budgets.hopeless(7);
        var first = Linearizability.check(history, Register.empty(), PLENTY);
        for (int k = 0; k < 5; k++) {
            assertEquals(first, Linearizability.check(history, Register.empty(), PLENTY));
        }
    }
}
