package dev.quorum.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A {@link DocumentSource} in memory: documents by key and a change log, positions counting changes. */
final class ListSource implements DocumentSource {

    private final Map<String, SearchDocument> docs = new TreeMap<>();
    private final List<Change> log = new ArrayList<>();
    int loads;

    ListSource(List<SearchDocument> initial) {
        initial.forEach(d -> docs.put(d.key(), d));
    }

    synchronized void put(SearchDocument doc) {
        docs.put(doc.key(), doc);
        log.add(new Change(doc.type(), doc.id()));
    }

    synchronized void remove(String type, String id) {
        docs.remove(SearchDocument.key(type, id));
        log.add(new Change(type, id));
    }

    @Override
    public synchronized Position all(Consumer<SearchDocument> sink) {
        docs.values().forEach(sink);
        return new Position(Integer.toString(log.size()), log.size());
    }

    @Override
    public synchronized Changes changesSince(Position after) {
        int from = after.snapshot().isEmpty() ? log.size() : Integer.parseInt(after.snapshot());
        return new Changes(log.subList(from, log.size()), new Position(Integer.toString(log.size()), log.size()));
    }

    @Override
    public synchronized Optional<SearchDocument> load(String type, String id) {
        loads++;
        return Optional.ofNullable(docs.get(SearchDocument.key(type, id)));
    }

    @Override
    public synchronized boolean isFromThisDatabase(Position position) {
        return !position.snapshot().isEmpty() && Integer.parseInt(position.snapshot()) <= log.size();
    }

    static SearchDocument resource(String id, String title, String description, String language, String body,
            String... topics) {
        return new SearchDocument(SearchDocument.RESOURCE, id, "https://example.org/" + id, title, description, "article",
                language, "", "example.org", List.of(topics), String.join(". ", topics), body);
    }
}
