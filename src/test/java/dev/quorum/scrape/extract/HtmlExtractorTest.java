package dev.quorum.scrape.extract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlExtractorTest {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset KOI8_R = Charset.forName("KOI8-R");
    /**
     * A hang guard, not a speed check: each input takes 2–5 s alone, and once took 21 s at load average 17, so the
     * bound is far above that; it catches quadratic blow-ups (minutes), not a busy machine.
     */
    private static final Duration QUICKLY = Duration.ofMinutes(2);

    private final HtmlExtractor extractor = new HtmlExtractor();

    private ExtractedPage fixture(String name) throws IOException {
        ExtractionFixtures.Fixture f = ExtractionFixtures.named(name);
        return extractor.extract(f.html(), f.contentType(), "https://fixtures.invalid/" + name);
    }

    private ExtractedPage html(String html) {
        return extractor.extract(html, null);
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value);
    }

    @Nested
    class Metadata {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "amp-article      | Warum Ihre Datenbank Zeitstempel nicht trauen sollte | Jana Becker, Lukas Meier | 2024-01-17 | de",
                "blog-boilerplate | Why Your Retries Need Jitter | Maria Kowalski | 2023-09-14T08:30:00+00:00 | en",
                "code-tutorial    | Building a vector clock in Python | Priya Raman | 2022-07-08 | en",
                "div-soup         | Gossip protocols for the impatient | | |",
                "docs-page        | Leader election | | | en",
                "forum-qa         | Why does my Kafka consumer group keep rebalancing? | Marta L | | en",
                "ghost-teasers    | Testing with a deterministic simulator | Sofia Alvarez | 2023-06-28T07:45:12.000Z | en",
                "github-readme    | GitHub - raftly/raftly: A small, well-tested Raft library for Go | raftly | | en",
                "habr-1251        | Как мы перестали бояться split-brain и полюбили кворум | Дмитрий Соколов | 2023-12-11T09:05:31+03:00 | ru",
                "koi8r-page       | Логические часы Лэмпорта: конспект лекции | А. В. Петров | |",
                "long-comments    | Slow Thoughts: The case against distributed locks | Helen Ward | | en",
                "mailing-list     | [dist-sys] Re: Is Paxos with a stable leader really just Raft? | | |",
                "medium-like      | Consistent Hashing, Explained With Coffee Shops | Alex Chen | 2024-02-03T17:41:12.508Z | en",
                "minimal          | Lamport's bakery algorithm in one paragraph | | |",
                "news-jsonld      | Cut cables slow internet traffic across the Baltic | Ingrid Sørensen, Tomas Berg | 2024-05-21T06:15:00+02:00 | en",
                "newsletter-post  | The queue is not the problem | Owen Lindqvist | 2024-04-09T13:00:00.000Z | en",
                "table-layout     | Two-Phase Commit - Prof. Hartmann's Lecture Notes | Klaus Hartmann | 2001-03-15 |",
        })
        void readsWhatEachFixtureSaysAboutItself(String fixture, String title, String author, String published, String language)
                throws IOException {
            ExtractedPage page = fixture(fixture);
            assertAll(
                    () -> assertEquals(title, page.title(), "title"),
                    () -> assertEquals(optional(author), page.author(), "author"),
                    () -> assertEquals(optional(published), page.published(), "published"),
                    () -> assertEquals(optional(language), page.language(), "language"));
        }

        @Test
        void theTitleLosesTheSiteNameSuffixOnlyWhenItIsTheSiteName() {
            String site = "<meta property=og:site_name content='Pager Notes'>";
            assertEquals("Jitter", html("<title>Jitter | Pager Notes</title>" + site).title());
            assertEquals("Jitter", html("<title>Jitter - pager notes</title>" + site).title());
            assertEquals("Jitter - Part 2", html("<title>Jitter - Part 2</title>" + site).title());
            assertEquals("Jitter | Pager Notes", html("<title>Jitter | Pager Notes</title>").title());
        }

        @Test
        void withoutADeclaredSiteNameTheTitleLosesWhatFollowsItsLastSeparator() {
            assertEquals("Get your code covered | Code", html("<title>Get your code covered | Code | Nicolas P</title>").title());
            assertEquals("Lorem ipsum dolor sit amet", html("<title>Lorem ipsum dolor sit amet – My website</title>").title());
            // Too short once cut: the part before the first separator goes instead, and the hyphen in a word is no separator.
            assertEquals("Two-Phase Commit explained in full", html("<title>Notes - Two-Phase Commit explained in full</title>").title());
            // Four words or fewer left: the whole title stays.
            assertEquals("Two-Phase Commit - Lecture Notes", html("<title>Two-Phase Commit - Lecture Notes</title>").title());
        }

        @Test
        void aJsonLdNameAndHeadlineThatDifferAreDecidedByThePageTitle() {
            String wikipedia = """
                    <script type="application/ld+json">{"@type": "Article", "name": "New Zealand",
                      "headline": "constitutional monarchy in Oceania"}</script><title>New Zealand - Wikipedia</title>""";
            assertEquals("New Zealand", html(wikipedia).title());
            String news = """
                    <script type="application/ld+json">{"@type": "NewsArticle", "name": "Aktuálně.cz",
                      "headline": "West Ham hrozí gigantům, okouzlil i Linekera"}</script>
                    <title>West Ham hrozí gigantům, okouzlil i Linekera | Aktuálně.cz</title>""";
            assertEquals("West Ham hrozí gigantům, okouzlil i Linekera", html(news).title());
        }

        @Test
        void dublinCoreAndSpaceSeparatedPropertiesAreRead() {
            ExtractedPage page = html("""
                    <title>Title element</title>
                    <meta property="x:title dc:title" content="Preferred title">
                    <meta property="dc:creator twitter:site_name" content="Creator Name">
                    <meta name="author" content="Someone else">
                    <meta name="DC.description" content="What it is about">""");
            assertEquals("Preferred title", page.title());
            assertEquals(Optional.of("Creator Name"), page.author());
            assertEquals(Optional.of("What it is about"), page.excerpt());
        }

        @Test
        void bylinesAreFoundByClassItempropAndRelWithoutTheirBy() {
            assertEquals(Optional.of("Erin Cunningham"),
                    html("<div class='pb-sig-line'><span class='pb-byline'>By <a href='/people/ec'>Erin Cunningham</a></span></div><p>Text.</p>").author());
            assertEquals(Optional.of("Helen Ward"), html("<p class='post-meta'><span class='writtenBy'>Posted by Helen Ward</span></p>").author());
            assertEquals(Optional.of("Corey Kilgannon"),
                    html("<p itemprop='author creator'><span itemprop='name'>Corey Kilgannon</span></p>").author());
            // A login box named "authorization" is not a byline, nor is a biography of more than a hundred characters.
            assertEquals(Optional.empty(), html("<div id='authorization'>Sign In | Sign Up</div><div class='author-bio'>"
                    + "Jo writes about distributed systems, consensus protocols and the operational side of running them at scale.</div>").author());
        }

        @Test
        void excerptsComeFromTheDescriptionWithEntitiesDecodedElseFromTheFirstProseParagraph() {
            assertEquals(Optional.of("That's what you see"),
                    html("<meta property='og:description' content='That&amp;#039;s what you see'><p>Body text here.</p>").excerpt());
            ExtractedPage page = html("<article><h2>Identify problems before they become disasters</h2><p>By Kim</p>"
                    + "<p>Many developers think that having a critical bug in their code is the worst thing that can happen to them.</p></article>");
            assertEquals(Optional.of("Many developers think that having a critical bug in their code is the worst thing that can happen to them."),
                    page.excerpt());
            assertEquals(Optional.empty(), html("<body><ul><li>Home</li><li>About</li></ul>").excerpt());
        }

        @Test
        void theTitleFallsBackToTheFirstHeading() {
            assertEquals("Gossip, briefly", html("<body><h1> Gossip,\n briefly </h1><p>Text.</p>").title());
            assertEquals("", html("<body><p>No title anywhere.</p>").title());
        }

        @Test
        void jsonLdMayBeAnArrayWhoseArticleNamesItsAuthorsInSeveralWays() {
            ExtractedPage page = html("""
                    <script type="application/ld+json">[
                      {"@type": "WebSite", "name": "Not the article"},
                      {"@type": "BlogPosting", "headline": "From JSON-LD", "datePublished": "2021-02-03",
                       "author": ["Ann Lee", {"@type": "Person", "name": "Bo Chen"}, {"@type": "Person", "url": "https://x.example/"}]}
                    ]</script><title>From the title element</title>""");
            assertEquals("From JSON-LD", page.title());
            assertEquals(Optional.of("Ann Lee, Bo Chen"), page.author());
            assertEquals(Optional.of("2021-02-03"), page.published());
        }

        @Test
        void malformedJsonLdIsIgnored() {
            ExtractedPage page = html("""
                    <script type="application/ld+json">{"@type": "Article", "headline": "Broken" </script>
                    <script type="application/ld+json">not json at all</script>
                    <script type="application/ld+json"></script>
                    <title>Still here</title><meta name=author content="Kim Ode">""");
            assertEquals("Still here", page.title());
            assertEquals(Optional.of("Kim Ode"), page.author());
        }

        @Test
        void anArticleAuthorUrlIsNotAName() {
            assertEquals(Optional.of("Rae Kim"), html("<meta property=article:author content='Rae Kim'>").author());
            assertEquals(Optional.empty(), html("<meta property=article:author content='https://facebook.com/rae'>").author());
        }

        @Test
        void aVisibleBylineNamesTheAuthorWithoutItsBy() {
            assertEquals(Optional.of("Jo Park"), html("<article><p class=byline>By Jo Park</p><p>Text.</p></article>").author());
            assertEquals(Optional.of("Jo Park"),
                    html("<span itemprop=author><span itemprop=name>Jo Park</span> (editor)</span>").author());
        }

        @ParameterizedTest(name = "''{0}'' is published {1}")
        @CsvSource(delimiter = '|', value = {
                "2024-03-05T10:00:00+01:00 | 2024-03-05T10:00:00+01:00",
                "2024-03-05T10:00Z         | 2024-03-05T10:00Z",
                "2024-03-05                | 2024-03-05",
                "2024/3/5                  | 2024-03-05",
                "2024-02-30                |",
                "March 5, 2024             |",
                "yesterday                 |",
        })
        void onlyIsoDatesArePublicationDates(String declared, String expected) {
            assertEquals(optional(expected), html("<meta name=date content='" + declared + "'>").published());
        }

        @Test
        void anUnusableDateGivesWayToTheNextSource() {
            ExtractedPage page = html("<meta property=article:published_time content='last Tuesday'>"
                    + "<article><time datetime='2020-01-02'>2 Jan</time><p>Text.</p></article>");
            assertEquals(Optional.of("2020-01-02"), page.published());
        }

        @Test
        void aTimeOutsideTheArticleIsNotThePublicationDate() {
            assertEquals(Optional.empty(), html("<aside><time datetime='2020-01-02'>2 Jan</time></aside><p>Text.</p>").published());
        }

        @ParameterizedTest(name = "{0} declares {1}")
        @CsvSource(delimiter = '|', value = {
                "<html lang=en-US>                                                   | en",
                "<html lang=PT_br>                                                   | pt",
                "<html><meta http-equiv=Content-Language content='ru, en'>           | ru",
                "<html><meta property=og:locale content=de_DE>                       | de",
                "<html lang=''><meta property=og:locale content=fr_FR>              | fr",
                "<html lang=x-klingon>                                               |",
        })
        void theLanguageIsThePrimarySubtagOfTheFirstDeclaration(String head, String expected) {
            assertEquals(optional(expected), html(head + "<p>Text.</p>").language());
        }
    }

    @Nested
    class Charsets {

        private byte[] page(String meta, String text, Charset charset) {
            return ("<html><head>" + meta + "<title>t</title></head><body><p>" + text + "</p></body></html>").getBytes(charset);
        }

        @Test
        void aWindows1251PageDeclaredOnlyInItsMetaDecodes() throws IOException {
            ExtractedPage page = fixture("habr-1251");
            assertTrue(page.text().startsWith("Привет, Хабр! Меня зовут Дмитрий"), page.text());
        }

        @Test
        void aKoi8rPageDeclaredOnlyInTheContentTypeHeaderDecodes() throws IOException {
            ExtractedPage page = fixture("koi8r-page");
            assertTrue(page.text().contains("Лэмпорт предложил отказаться от вопроса «когда»"), page.text());
        }

        @Test
        void withNoDeclarationAtAllTheBytesAreReadAsUtf8WithoutFailing() {
            String text = extractor.extract(page("", "Привет", KOI8_R), Optional.empty(), null).text();
            assertEquals("\uFFFD".repeat(6), text);
        }

        @Test
        void theHeaderOverridesTheMeta() {
            byte[] body = page("<meta charset=utf-8>", "Привет", WINDOWS_1251);
            assertEquals("Привет", extractor.extract(body, Optional.of("text/html; charset=\"windows-1251\""), null).text());
        }

        @Test
        void aByteOrderMarkOverridesTheHeader() {
            byte[] page = page("", "Grüße", StandardCharsets.UTF_8);
            byte[] withBom = new byte[page.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(page, 0, withBom, 3, page.length);
            assertEquals("Grüße", extractor.extract(withBom, Optional.of("text/html; charset=windows-1251"), null).text());
        }

        @Test
        void aUtf16PageWithAByteOrderMarkDecodes() {
            byte[] body = ("\uFEFF<p>Ψ and Ж</p>").getBytes(StandardCharsets.UTF_16LE);
            assertEquals("Ψ and Ж", extractor.extract(body, Optional.empty(), null).text());
        }

        @Test
        void anUnknownCharsetInTheHeaderIsIgnoredInFavourOfTheMeta() {
            byte[] body = page("<meta http-equiv=Content-Type content='text/html; charset=windows-1251'>", "Привет", WINDOWS_1251);
            assertEquals("Привет", extractor.extract(body, Optional.of("text/html; charset=x-no-such-charset"), null).text());
        }

        @Test
        void anUnknownCharsetEverywhereMeansUtf8() {
            byte[] body = page("<meta charset=\"bogus!\">", "Grüße", StandardCharsets.UTF_8);
            assertEquals("Grüße", extractor.extract(body, Optional.of("text/html; charset=nonsense"), null).text());
        }

        @Test
        void aMetaAfterTheFirst4KiBIsNotSeen() {
            String padding = "<!--" + "x".repeat(CharsetSniffer.PRESCAN_BYTES) + "-->";
            byte[] body = page(padding + "<meta charset=windows-1251>", "Привет", StandardCharsets.UTF_8);
            assertEquals("Привет", extractor.extract(body, Optional.empty(), null).text());
        }

        @Test
        void latin1MeansWindows1252AsInBrowsers() {
            byte[] body = page("<meta charset=iso-8859-1>", "\u201Cquoted\u201D", Charset.forName("windows-1252"));
            assertEquals("\u201Cquoted\u201D", extractor.extract(body, Optional.empty(), null).text());
        }

        @Test
        void malformedUtf8BecomesReplacementCharacters() {
            byte[] body = {'<', 'p', '>', 'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, '<', '/', 'p', '>'};
            assertEquals("ok \uFFFD( \uFFFD", extractor.extract(body, Optional.of("text/html; charset=utf-8"), null).text());
        }
    }

    @Nested
    class Boilerplate {

        @Test
        void aBlogPostLosesNavigationSidebarCookieBannerCommentsShareBarAndFooter() throws IOException {
            String text = fixture("blog-boilerplate").text();
            assertAll(
                    () -> assertTrue(text.startsWith("Last winter one of our payment services"), text),
                    () -> assertTrue(text.endsWith("worth twenty minutes of your time."), text),
                    () -> assertFalse(text.contains("We use cookies"), "cookie banner"),
                    () -> assertFalse(text.contains("Archive"), "navigation"),
                    () -> assertFalse(text.contains("Recent Posts"), "sidebar"),
                    () -> assertFalse(text.contains("Decorrelated jitter"), "comments"),
                    () -> assertFalse(text.contains("LinkedIn"), "share bar"),
                    () -> assertFalse(text.contains("Proudly powered by WordPress"), "footer"),
                    () -> assertFalse(text.contains("Get new posts by email"), "newsletter box"));
        }

        @Test
        void aNewsArticleLosesConsentAdsNewsletterRelatedStoriesAndInlineReadMore() throws IOException {
            String text = fixture("news-jsonld").text();
            assertAll(
                    () -> assertFalse(text.contains("842 partners"), "consent banner"),
                    () -> assertFalse(text.contains("Advertisement"), "ads"),
                    () -> assertFalse(text.contains("First Edition"), "newsletter box"),
                    () -> assertFalse(text.contains("Related stories"), "related stories"),
                    () -> assertFalse(text.contains("Read more"), "inline read-more link"),
                    () -> assertFalse(text.contains("Most read"), "sidebar"));
        }

        @Test
        void aCommentSectionLongerThanTheArticleIsNotMistakenForIt() throws IOException {
            String text = fixture("long-comments").text();
            assertTrue(text.startsWith("Every few months someone on my team proposes a distributed lock."), text);
            assertFalse(text.contains("Redlock"), text);
        }

        @Test
        void teaserCardsOfOtherPostsAreLeftOut() throws IOException {
            assertFalse(fixture("ghost-teasers").text().contains("Linearizability checkers"));
        }

        @Test
        void ampConsentAdsAndShareButtonsAreLeftOut() throws IOException {
            String text = fixture("amp-article").text();
            assertAll(
                    () -> assertFalse(text.contains("Cookies"), "amp-consent"),
                    () -> assertFalse(text.contains("Anzeige"), "amp-ad fallback"),
                    () -> assertFalse(text.contains("teilen"), "share bar"),
                    () -> assertFalse(text.contains("Startseite"), "amp-sidebar"));
        }

        @Test
        void scriptsStylesFormsAndHiddenTextNeverAppear() {
            String text = html("""
                    <article><p>Visible paragraph of the article.</p>
                    <script>var tracking = 1;</script><style>p { color: red }</style><noscript>Enable JavaScript</noscript>
                    <form><label>Email</label><input value="you@example.com"><button>Go</button></form>
                    <iframe src="https://ads.example/"></iframe><p hidden>Hidden one.</p>
                    <p style="display: none">Hidden two.</p><span class="sr-only">Skip to content</span></article>""").text();
            assertEquals("Visible paragraph of the article.", text);
        }

        @Test
        void noFixtureComesOutWithMarkup() throws IOException {
            for (ExtractionFixtures.Fixture f : ExtractionFixtures.all()) {
                String text = extractor.extract(f.html(), f.contentType(), null).text();
                for (String markup : new String[] {"<div", "<p>", "<span", "</", "class=\"", "&nbsp;", "&amp;"}) {
                    assertFalse(text.contains(markup), f.name() + " contains " + markup);
                }
            }
        }
    }

    @Nested
    class Layout {

        @Test
        void eachBlockIsOneParagraphWithItsWhitespaceCollapsed() {
            ExtractedPage page = html("""
                    <title>Lists</title><article><h1>Lists</h1>
                    <p>One   two
                       three.</p><h2>Items</h2><ul><li>first&nbsp; item</li><li>second <b>bold</b> item</li></ul>
                    <blockquote>Quoted.</blockquote><table><tr><td>cell one</td><td>cell two</td></tr></table></article>""");
            assertEquals("One two three.\n\nItems\n\nfirst item\n\nsecond bold item\n\nQuoted.\n\ncell one\n\ncell two", page.text());
        }

        @Test
        void preformattedTextKeepsItsLinesAndIndentation() {
            String text = html("<article><p>Code:</p><pre><code>if x:\n    y()\n\n\nz()   \n</code></pre></article>").text();
            assertEquals("Code:\n\nif x:\n    y()\nz()", text);
        }

        @Test
        void oneLineBreakJoinsAndTwoSeparateParagraphs() {
            String text = html("<div>first line<br>same paragraph<br><br>second paragraph<br>\n<br>third</div>").text();
            assertEquals("first line same paragraph\n\nsecond paragraph\n\nthird", text);
        }

        @Test
        void headingPermalinksAndTitleRepeatsAreLeftOut() {
            String text = html("""
                    <title>Install guide - Docs</title><meta property=og:site_name content=Docs><main>
                    <h1>Install guide<a class=headerlink href="#install-guide">¶</a></h1>
                    <h2 id=steps>Steps<a href="#steps">#</a></h2><p>Run the installer.</p></main>""").text();
            assertEquals("Steps\n\nRun the installer.", text);
        }

        @Test
        void wordsAreTokensWithALetterOrDigit() {
            ExtractedPage page = html("<p>— 42 ok · x-y ,, Ж</p>");
            assertEquals(4, page.wordCount());
            assertEquals(0, html("<p>— · …</p>").wordCount());
        }

        @Test
        void theWordCountIsTheCountOfTheText() throws IOException {
            assertEquals(313, fixture("blog-boilerplate").wordCount());
        }
    }

    @Nested
    class Robustness {

        static Stream<Arguments> hostilePages() {
            byte[] garbage = new byte[1 << 20];
            new Random(20240501).nextBytes(garbage);
            return Stream.of(
                    arguments("empty", new byte[0]),
                    arguments("1 MiB of random bytes", garbage),
                    arguments("5 MB of nested divs", "<div>".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII)),
                    arguments("unclosed tags", "<p><b><i><table><tr><td><ul><li>text, more".repeat(20_000).getBytes(StandardCharsets.US_ASCII)),
                    arguments("misnested formatting", "<b><p>x</b></p>".repeat(50_000).getBytes(StandardCharsets.US_ASCII)),
                    arguments("nested links", "<a href=#>x".repeat(100_000).getBytes(StandardCharsets.US_ASCII)),
                    arguments("NUL bytes", new byte[100_000]),
                    arguments("a lone angle bracket", "<".getBytes(StandardCharsets.US_ASCII)),
                    arguments("JSON-LD nested 100k deep", ("<script type=application/ld+json>" + "[".repeat(100_000))
                            .getBytes(StandardCharsets.US_ASCII)),
                    arguments("a 2 MB class attribute", ("<div class='" + "ad ".repeat(700_000) + "'>text</div>")
                            .getBytes(StandardCharsets.US_ASCII)),
                    arguments("half a million line breaks", "text<br>".repeat(500_000).getBytes(StandardCharsets.US_ASCII)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("hostilePages")
        void hostileInputYieldsAResultQuickly(String description, byte[] body) {
            ExtractedPage page = assertTimeout(QUICKLY, () -> extractor.extract(body, Optional.empty(), null));
            assertEquals(Words.count(page.text()), page.wordCount());
        }

        @Test
        void nestingHundredThousandLevelsDeepDoesNotThrowAndKeepsTheText() {
            String deep = "<div>".repeat(100_000) + "<p>Deep text, at the bottom of it all.</p>";
            assertEquals("Deep text, at the bottom of it all.", assertTimeout(QUICKLY, () -> html(deep)).text());
        }

        @Test
        void aMissingSourceUrlIsFine() {
            assertEquals("Text.", extractor.extract("<p>Text.</p>".getBytes(StandardCharsets.UTF_8), Optional.empty(), null).text());
        }
    }
}
