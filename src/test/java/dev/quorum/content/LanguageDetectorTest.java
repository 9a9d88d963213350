package dev.quorum.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.catalog.CanonicalUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest(name = "''{0}'' is {2}")
    @CsvSource(delimiter = '|', value = {
            "Страх и ненависть в распределённых системах | https://habr.com/ru/post/322876/ | ru",
            "Что такое распределенные системы? Краткое введение | https://bestprogrammer.ru/x | ru",
            "Изоляция рабочих нагрузок с использованием произвольного сегментирования | https://aws.amazon.com/ru/builders-library/x/ | ru",
            "Розподілені системи: їхні переваги | https://example.com/x | uk",
            "Make your cluster SWIM | https://bartoszsypytkowski.com/make-your-cluster-swim/ | en",
            "CSE138 (Distributed Systems) lectures, Spring 2021 | https://youtube.com/playlist?list=PL1 | en",
            "Verteilte Systeme | https://example.com/de/artikel | de",
            "分散システム入門 | https://example.com/a | ja",
            "分布式系统 | https://example.com/a | zh",
            "Raft в Go: заметки | https://example.com/a | ru",
    })
    void detectsTheLanguageOfTheTitle(String title, String url, String expected) {
        assertEquals(expected, detector.detect(title, CanonicalUrl.of(url)));
    }
}
