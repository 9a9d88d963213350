package dev.quorum.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.catalog.ResourceKind;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindClassifierTest {

    private final KindClassifier classifier = new KindClassifier();

    @ParameterizedTest(name = "{0} under ''{1}'' is {2}")
    @CsvSource({
            "https://arxiv.org/abs/1802.07000, Articles, PAPER",
            "https://erlang.org/download/armstrong_thesis_2003.pdf, Books, PAPER",
            "https://dl.acm.org/doi/pdf/10.1145/2927299.2940294, Books, PAPER",
            "https://youtube.com/playlist?list=PLNPUF5QyWU8PydLG2cIJrCvnn5I_exhYx, Courses / Videos, COURSE",
            "https://youtu.be/vMz3q8Mm1uY, Courses / Videos, VIDEO",
            "https://www.youtube.com/watch?v=abc&list=PL1, Courses / Videos, VIDEO",
            "https://www.youtube.com/channel/UCMKIroHVXvMQRIBhENE6RhQ/videos, Links, VIDEO",
            "https://github.com/jepsen-io/jepsen, Links, REPOSITORY",
            "https://github.com/dastergon/awesome-chaos-engineering, Links, LIST",
            "https://github.com/heidihoward/distributed-consensus-reading-list, Links, LIST",
            "https://dancres.github.io/Pages/, Links, LIST",
            "https://example.com/book, Books, BOOK",
            "https://example.com/course, Courses, COURSE",
            "https://example.com/talk, Videos, VIDEO",
            "https://brooker.co.za/blog/2019/04/03/learning.html, Articles, ARTICLE",
            "https://example.com/post, Miscellany, ARTICLE",
    })
    void infersTheKind(String url, String section, ResourceKind expected) {
        assertEquals(expected, classifier.classify(CanonicalUrl.of(url), Optional.of(section)));
    }
}
