package dev.quorum.demo.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guided scenario: one run, named, with a narration a learner follows step by step, what to look for, and
 * one question to answer before the step that answers it. The run is fixed by variant, seed, parameters and
 * faults, so its events, and so the events the steps point at, are always the same (tests pin its trace).
 *
 * @param id kebab-case, unique within the demo; the page's {@code ?guide=} value
 * @param params parameters that differ from the defaults, by name
 * @param faults the run's faults in the text of {@link Fault}, or empty for those drawn from the seed
 */
public record Guide(String id, String title, String variant, long seed, Map<String, String> params, String faults,
        String intro, String lookFor, List<Step> steps, Prediction prediction) {

    /** What to say once event {@code at} has happened; {@code predict} marks the step the question is about. */
    public record Step(int at, String text, boolean predict) {
        public Step {
            if (at < 0 || text == null || text.isBlank()) {
                throw new IllegalArgumentException("a step names an event (from 0) and says something");
            }
        }

        public static Step at(int event, String text) {
            return new Step(event, text, false);
        }

        /** The step the prediction question is answered by: playback stops before it until the reader answers. */
        public static Step predicted(int event, String text) {
            return new Step(event, text, true);
        }
    }

    /** A question with choices, one of them right, and why. */
    public record Prediction(String question, List<String> choices, int answer, String explanation) {
        public Prediction {
            choices = List.copyOf(choices);
            if (choices.size() < 2 || answer < 0 || answer >= choices.size()) {
                throw new IllegalArgumentException("a prediction has two or more choices and one right answer among them");
            }
        }
    }

    public Guide {
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a guide id is kebab-case, got '" + id + "'");
        }
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("guide '" + id + "' has no steps");
        }
        for (int k = 1; k < steps.size(); k++) {
            if (steps.get(k).at() <= steps.get(k - 1).at()) {
                throw new IllegalArgumentException("guide '" + id + "': steps follow the run, each at a later event");
            }
        }
        if (steps.stream().filter(Step::predict).count() != 1) {
            throw new IllegalArgumentException("guide '" + id + "': exactly one step is the one its question is about");
        }
        faults = faults == null ? "" : faults;
    }

    /** The step the question is about. */
    public Step predicted() {
        return steps.stream().filter(Step::predict).findFirst().orElseThrow();
    }

    /** The run's parameters as a page or the API reads them, defaults left out. */
    public Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>(params);
        if (!faults.isEmpty()) {
            q.put("faults", faults);
        }
        return q;
    }
}
