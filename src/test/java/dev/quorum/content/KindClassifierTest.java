package dev.quorum.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.catalog.ResourceKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindClassifierTest {

    private final KindClassifier classifier = new KindClassifier();

    @ParameterizedTest(name = "{0} under ''{1}'' is {2}")
    @CsvSource({
            "https://arxiv.org/abs/1802.07000, Papers, PAPER",
            "https://erlang.org/download/armstrong_thesis_2003.pdf, Papers, PAPER",
            "https://youtube.com/playlist?list=PLNPUF5QyWU8PydLG2cIJrCvnn5I_exhYx, Courses, COURSE",
            "https://youtu.be/vMz3q8Mm1uY, Talks, VIDEO",
            "https://www.youtube.com/channel/UCMKIroHVXvMQRIBhENE6RhQ/videos, Talks, VIDEO",
            "https://github.com/jepsen-io/jepsen, Tools, REPOSITORY",
            "https://github.com/aphyr/distsys-class, Courses, COURSE",
            "https://raft.github.io/, Reading lists, LIST",
            "https://example.com/book, Books, BOOK",
            "https://example.com/course, Courses, COURSE",
            "https://example.com/talk, Videos, VIDEO",
            "https://brooker.co.za/blog/2019/04/03/learning.html, Articles, ARTICLE",
            "https://example.com/post, Papers › Consensus, PAPER",
    })
    void theHeadingStatesTheKind(String url, String section, ResourceKind expected) {
        assertEquals(expected, classifier.classify(CanonicalUrl.of(url), Optional.of(section)));
    }

    @ParameterizedTest(name = "{0} under ''{1}'' is {2}, not what its URL suggests")
    @CsvSource({
            "https://dl.acm.org/doi/pdf/10.1145/2927299.2940294, Articles, ARTICLE",
            "https://arxiv.org/abs/2011.02455, Books, BOOK",
            "https://sigops.org/s/conferences/hotos/2021/papers/hotos21-s11-bronson.pdf, Papers, PAPER",
    })
    void theHeadingWinsOverTheUrl(String url, String section, ResourceKind expected) {
        assertEquals(expected, classifier.classify(CanonicalUrl.of(url), Optional.of(section)));
    }

    @ParameterizedTest(name = "{0} under ''{1}'' is {2}")
    @CsvSource({
            "https://youtube.com/playlist?list=PLNPUF5QyWU8PydLG2cIJrCvnn5I_exhYx, Courses / Videos, COURSE",
            "https://youtu.be/vMz3q8Mm1uY, Courses / Videos, VIDEO",
            "https://www.youtube.com/watch?v=abc&list=PL1, Courses / Videos, VIDEO",
            "https://example.com/lecture-notes, Courses / Videos, COURSE",
    })
    void aHeadingNamingSeveralKindsLetsTheUrlChooseAmongThem(String url, String section, ResourceKind expected) {
        assertEquals(expected, classifier.classify(CanonicalUrl.of(url), Optional.of(section)));
    }

    @ParameterizedTest(name = "{0} under ''{1}'' is {2}")
    @CsvSource({
            "https://www.youtube.com/channel/UCMKIroHVXvMQRIBhENE6RhQ/videos, Links, VIDEO",
            "https://github.com/jepsen-io/jepsen, Links, REPOSITORY",
            "https://github.com/dastergon/awesome-chaos-engineering, Links, LIST",
            "https://github.com/heidihoward/distributed-consensus-reading-list, Links, LIST",
            "https://dancres.github.io/Pages/, Links, LIST",
            "https://arxiv.org/abs/1802.07000, Miscellany, PAPER",
            "https://example.com/post, Miscellany, ARTICLE",
    })
    void aHeadingNamingNoKindLeavesItToTheUrl(String url, String section, ResourceKind expected) {
        assertEquals(expected, classifier.classify(CanonicalUrl.of(url), Optional.of(section)));
    }

    @Test
    void anEntryBeforeAnyHeadingIsClassifiedByItsUrl() {
        assertEquals(ResourceKind.PAPER, classifier.classify(CanonicalUrl.of("https://example.com/a.pdf"), Optional.empty()));
        assertEquals(ResourceKind.ARTICLE, classifier.classify(CanonicalUrl.of("https://example.com/a"), Optional.empty()));
    }

    @Test
    void onlyHeadingsThatNameAKindStateOne() {
        assertTrue(KindClassifier.statesKind("Reading lists"));
        assertTrue(KindClassifier.statesKind("Articles › Consensus"));
        assertFalse(KindClassifier.statesKind("Links"));
        assertFalse(KindClassifier.statesKind("Bookshelf"));
        assertFalse(KindClassifier.statesKind("Consensus"));
    }
}
