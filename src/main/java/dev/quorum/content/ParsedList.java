package dev.quorum.content;

import java.util.List;

/** The entries a reading list holds and everything the parser had to say about it. */
public record ParsedList(String path, List<ListEntry> entries, List<Finding> findings) {

    public ParsedList {
        entries = List.copyOf(entries);
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }
}
