package dev.quorum.lincheck;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random register histories with overlaps, fails, info and pending operations. Half the reads report
 * the value of a register the generator runs alongside (each operation taking effect when it completes, so
 * those are often linearizable), the other half a random value; cas succeeds or fails as the register says,
 * and sometimes lies about it.
 */
final class RandomHistories {

    private RandomHistories() {
    }

    static History register(SplittableRandom random, int maxOps, int processes) {
        return register(random, maxOps, processes, 3);
    }

    /** {@code infoIn20}: of twenty completions, how many are info (two more are fails). */
    static History register(SplittableRandom random, int maxOps, int processes, int infoIn20) {
        int target = 1 + random.nextInt(maxOps);
        HistoryBuilder b = History.builder();
        String[] inFlight = new String[processes];
        Object[] inputs = new Object[processes];
        Object value = null;
        int invoked = 0;
        int open = 0;
        while (invoked < target || open > 0) {
            if (invoked >= target && random.nextInt(12) == 0) {
                break; // leave what is in flight pending
            }
            List<Integer> idle = new ArrayList<>();
            List<Integer> busy = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                (inFlight[p] == null ? idle : busy).add(p);
            }
            boolean invoke = invoked < target && !idle.isEmpty() && (busy.isEmpty() || random.nextBoolean());
            if (invoke) {
                int p = idle.get(random.nextInt(idle.size()));
                int kind = random.nextInt(3);
                String f = kind == 0 ? "read" : kind == 1 ? "write" : "cas";
                Object input = kind == 0 ? null : kind == 1 ? (Object) (long) random.nextInt(3)
                        : List.of((long) random.nextInt(3), (long) random.nextInt(3));
                b.invoke(p, f, input);
                inFlight[p] = f;
                inputs[p] = input;
                invoked++;
                open++;
                continue;
            }
            int p = busy.get(random.nextInt(busy.size()));
            String f = inFlight[p];
            int roll = random.nextInt(20);
            Outcome outcome = roll < 2 ? Outcome.FAIL : roll < 2 + infoIn20 ? Outcome.INFO : Outcome.OK;
            boolean takesEffect = outcome == Outcome.OK || outcome == Outcome.INFO && random.nextBoolean();
            Object output = inputs[p];
            if (f.equals("read")) {
                output = random.nextBoolean() ? value : random.nextInt(4) == 0 ? null : (Object) (long) random.nextInt(3);
            } else if (f.equals("write") && takesEffect) {
                value = inputs[p];
            } else if (f.equals("cas") && takesEffect) {
                List<?> cas = (List<?>) inputs[p];
                boolean matches = Register.equal(cas.get(0), value);
                if (matches) {
                    value = cas.get(1);
                } else if (outcome == Outcome.OK && random.nextInt(3) > 0) {
                    outcome = Outcome.FAIL;
                }
            }
            Object seen = outcome == Outcome.INFO && f.equals("read") ? null : output;
            switch (outcome) {
                case OK -> b.ok(p, seen);
                case FAIL -> b.fail(p, seen);
                default -> b.info(p, seen);
            }
            inFlight[p] = null;
            open--;
        }
        return b.build();
    }
}
