package dev.quorum.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The search against the definition, on hundreds of small random register histories (up to 7 operations,
 * 2 or 3 processes, with fails, info and pending operations): same verdict every time, and every witness
 * checks out on its own.
 */
class SearchVersusBruteForceTest {

    private static final int HISTORIES = 1_500;

    @Test
    void theSearchAgreesWithBruteForceOnSmallRandomHistories() {
        agreeOn(new SplittableRandom(20_240_515L), 3);
    }

    /**
     * Longer histories, many of them timed out, against the depth-first walk of the definition: where the
     * memo's subsumption of info operations, the rule for blind ones and reads placed without branching
     * have room to act.
     */
    @Test
    void theSearchAgreesWithTheDefinitionOnLongerHistoriesFullOfInfo() {
        SplittableRandom random = new SplittableRandom(99);
        int[] verdicts = new int[2];
        List<String> disagreements = new ArrayList<>();
        for (int k = 0; k < 3_000; k++) {
            History history = RandomHistories.register(random, 11, 2 + random.nextInt(3), 2 + random.nextInt(9));
            boolean expected = BruteForce.linearizableDepthFirst(history, Register.empty());
            var result = Linearizability.check(history, Register.empty(), Budget.states(1_000_000));
            verdicts[expected ? 0 : 1]++;
            if (result.verdict() != (expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE)) {
                disagreements.add("history " + k + ": the definition says " + expected + ", the search " + result.verdict() + "\n"
                        + Edn.write(history));
            } else if (expected) {
                witnessIsALinearization(history, result);
            } else {
                witnessIsAStuckPrefix(result);
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(verdicts[0] > 600 && verdicts[1] > 600, verdicts[0] + " linearizable, " + verdicts[1] + " not");
    }

    @Test
    void theTwoWalksOfTheDefinitionAgree() {
        SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 500; k++) {
            History history = RandomHistories.register(random, 7, 2 + random.nextInt(2), 2 + random.nextInt(9));
            assertEquals(BruteForce.linearizable(history, Register.empty()), BruteForce.linearizableDepthFirst(history, Register.empty()),
                    Edn.write(history));
        }
    }

    private static void agreeOn(SplittableRandom random, int infoIn20) {
        Register model = Register.empty();
        int linearizable = 0;
        int not = 0;
        int withInfo = 0;
        List<String> disagreements = new ArrayList<>();
        for (int k = 0; k < HISTORIES; k++) {
            History history = RandomHistories.register(random, 7, 2 + random.nextInt(2), infoIn20);
            boolean expected = BruteForce.linearizable(history, model);
            var result = Linearizability.check(history, model, Budget.states(1_000_000));
            if (result.verdict() != (expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE)) {
                disagreements.add("history " + k + ": brute force says " + expected + ", the search " + result.verdict()
                        + "\n" + Edn.write(history));
                continue;
            }
            if (expected) {
                linearizable++;
                witnessIsALinearization(history, result);
            } else {
                not++;
                witnessIsAStuckPrefix(result);
            }
            withInfo += history.operations().stream().anyMatch(op -> op.outcome() == Outcome.INFO) ? 1 : 0;
        }
        assertEquals(List.of(), disagreements);
        assertTrue(linearizable > HISTORIES / 4 && not > HISTORIES / 4, linearizable + " linearizable, " + not + " not");
        assertTrue(withInfo > HISTORIES / 4, withInfo + " with info operations");
    }

    /** Every ok operation, and only ops of the history, in an order real time and the model allow. */
    private static void witnessIsALinearization(History history, Linearizability.Result result) {
        List<Operation> order = result.partitions().get(0).linearization();
        assertTrue(BruteForce.legal(order, Register.empty()), "not a linearization: " + order);
        long oks = history.operations().stream().filter(op -> op.outcome() == Outcome.OK).count();
        assertEquals(oks, order.stream().filter(op -> op.outcome() == Outcome.OK).count());
        assertTrue(order.stream().noneMatch(op -> op.outcome() == Outcome.FAIL));
    }

    /** The prefix is a legal order ending in the state reported, and the model refuses every blocked op there. */
    private static void witnessIsAStuckPrefix(Linearizability.Result result) {
        var v = result.partitions().get(0).violation().orElseThrow();
        var state = BruteForce.replay(v.prefix(), Register.empty());
        assertEquals(v.state(), state.orElseThrow());
        assertTrue(!v.blocked().isEmpty());
        for (Operation op : v.blocked()) {
            assertEquals(Outcome.OK, op.outcome());
            assertTrue(!v.prefix().contains(op));
            assertTrue(Register.empty().step(state.get(), op).isEmpty(), op + " could follow " + v.prefix());
        }
    }
}
