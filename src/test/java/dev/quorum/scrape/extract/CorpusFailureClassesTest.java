package dev.quorum.scrape.extract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One test per failure class found by scoring against Readability.js's test pages ({@link CorpusScore}). Each page
 * below is a reduction of the corpus page it is named after (mozilla/readability, {@code test/test-pages/NAME},
 * Apache License 2.0): the structure that made us fail, with the page's own markup and a few of its sentences.
 * The corpus itself is not copied into the project (its README asks us not to) and no test reads it.
 */
class CorpusFailureClassesTest {

    private static final String FILLER = " The quick brown fox jumps over the lazy dog, again and again, for as long as"
            + " it takes to make this paragraph long enough to be scored as prose by any extractor.";

    private final HtmlExtractor extractor = new HtmlExtractor();

    private String text(String html) {
        return extractor.extract(html, "http://fakehost/test/page.html").text();
    }

    /** mercurial: Sphinx section ids are slugs of their headings, and "evolve-shared-mutable-history" is not a share bar. */
    @Test
    void aSectionWhoseIdIsASlugOfItsHeadingIsNotJudgedByIt() {
        String text = text("""
                <body><div class="topnav"><p>« <a href="a.html">Evolve: User Guide</a> :: <a href="c.html">Concepts</a> »</p></div>
                <div class="content"><div class="section" id="evolve-shared-mutable-history">
                <h1>Evolve: Shared Mutable History</h1>
                <p>Once you have mastered the art of mutable history in a single repository, you might want to move up to
                the next level: shared mutable history.""" + FILLER + """
                </p>
                <div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2>
                <p>Publishing and non-publishing repositories are the key to sharing your changes.""" + FILLER + """
                </p></div></div></div>
                <div class="share-bar"><a href="https://twitter.com/share">Share on Twitter</a></div></body>""");
        assertAll(
                () -> assertTrue(text.contains("the next level: shared mutable history"), text),
                () -> assertTrue(text.contains("Publishing and non-publishing repositories"), text),
                () -> assertFalse(text.contains("Share on Twitter"), text));
    }

    /** yahoo-2: atomic CSS class names (Bxsh(modalShadow), Mx(a)) describe styling; "modal" there is no dialog. */
    @Test
    void atomicCssClassNamesSayNothingAboutWhatAnElementIs() {
        String text = text("""
                <body><div id="YDC-MainCanvas" class="YDC-MainCanvas Mih(100%) Bxsh(modalShadow) Pos(r)">
                <div class="Cf Maw(635px) Mstart(137px)--modalMinWidth"><div class="canvas-atom">
                <p>Local people reported seeing a flash of light and hearing a loud thud west of the regional capital of
                Kyzyl, more than 3,000 kilometres east of Moscow.""" + FILLER + """
                </p></div></div></div>
                <div class="modal-dialog"><p>Sign in to like videos, comment, and subscribe.</p></div></body>""");
        assertAll(
                () -> assertTrue(text.contains("a flash of light and hearing a loud thud"), text),
                () -> assertFalse(text.contains("Sign in to like videos"), text));
    }

    /** clean-links: a footnote link with class="popup" inside a sentence is part of the sentence. */
    @Test
    void anInlineElementInsideProseIsNotRemovedForItsClass() {
        String text = text("""
                <body><div id="story"><p>The proceeding then which followed will not be deemed extraordinary.
                "<a href="javascript:void(0);" onclick="return overlib('A practised speech.');" class="popup">Bartleby,"
                said I, "I owe you twelve dollars on account; here are thirty-two; the odd twenty are yours.--Will you
                take it?</a> and I handed the bills towards him.</p>
                <p>But he made no motion.""" + FILLER + """
                </p></div><div class="popup"><p>Subscribe to our newsletter for more stories.</p></div></body>""");
        assertAll(
                () -> assertTrue(text.contains("I owe you twelve dollars on account"), text),
                () -> assertTrue(text.contains("and I handed the bills towards him"), text),
                () -> assertFalse(text.contains("Subscribe to our newsletter"), text));
    }

    /** js-link-replacement: a javascript: link is a button, not a link away; its text is not link text. */
    @Test
    void aJavascriptLinkDoesNotCountAsLinkText() {
        String text = text("""
                <body><a href="javascript:"><p>abc</p><p>def</p>ghi</a></body>""");
        assertAll(
                () -> assertTrue(text.contains("abc"), text),
                () -> assertTrue(text.contains("ghi"), text));
    }

    /** quanta-1: an article cut into sections by figures, each section's paragraphs wrapped five divs deep. */
    @Test
    void anArticleSplitIntoDeeplyWrappedSectionsIsKeptWhole() {
        String deep = "<div class=\"post__wrapper\"><div class=\"mha container--m\"><div class=\"post__content relative flex\">"
                + "<section class=\"outer mha\"><div class=\"flex-auto mha\"><div class=\"post__content__section wysiwyg\">"
                + "<div class=\"post__content wysiwyg\">";
        String close = "</div></div></div></section></div></div></div>";
        String shallow = "<section class=\"outer mha\"><div class=\"flex-auto mha\"><div class=\"post__content__section wysiwyg\">"
                + "<div class=\"post__content wysiwyg\">";
        String shallowClose = "</div></div></div></section>";
        String text = text("<body><div id=\"postBody\">"
                + "<div class=\"acf-content scale1 mt2\">" + deep
                + "<p>A little over half a century ago, chaos started spilling out of a famous experiment." + FILLER + "</p>"
                + "<p>All told, it is a neat narrative. It is quite literally a textbook case." + FILLER + "</p>"
                + close + "</div>"
                + "<figure><img src=\"a.jpg\"><figcaption>Ellen Fetter and Margaret Hamilton.</figcaption></figure>"
                + "<div class=\"acf-content scale1 mt2\">" + shallow
                + "<p>There were desks in the computer room, but because of the noise, Lorenz worked elsewhere." + FILLER + "</p>"
                + "<p>First, though, Lorenz's team had to catch the atmosphere in a jar." + FILLER + "</p>"
                + "<p>Sometimes the weather inside this simulation would simply repeat like clockwork." + FILLER + "</p>"
                + shallowClose + "</div></div></body>");
        assertAll(
                () -> assertTrue(text.contains("chaos started spilling out of a famous experiment"), text),
                () -> assertTrue(text.contains("quite literally a textbook case"), text),
                () -> assertTrue(text.contains("There were desks in the computer room"), text));
    }

    /** qq: the page was saved as UTF-8 and kept its {@code <meta charset=gb2312>}; bytes that are valid UTF-8 win. */
    @Test
    void validUtf8BytesBeatAStaleMetaCharset() {
        byte[] page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" /></head>"
                + "<body><div id=\"Cnt-Main-Article-QQ\"><p>TNW中文站 10月14日报道，谷歌旗下的人工智能公司DeepMind今天宣布。"
                + "</p></div></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String text = extractor.extract(page, java.util.Optional.empty(), null).text();
        assertTrue(text.contains("谷歌旗下的人工智能公司"), text);
    }

    /** wikipedia-2: an infobox is a data table whose cells are mostly links, and it is kept. */
    @Test
    void aDataTableIsKeptHoweverManyOfItsCellsAreLinks() {
        String text = text("""
                <body><div id="content"><div class="mw-parser-output">
                <table class="infobox geography vcard"><tbody>
                <tr><th>Capital</th><td><a href="/wiki/Wellington">Wellington</a></td></tr>
                <tr><th>Largest city</th><td><a href="/wiki/Auckland">Auckland</a></td></tr>
                <tr><th>Official languages</th><td><a href="/wiki/English">English</a>, <a href="/wiki/Maori">Māori</a></td></tr>
                </tbody></table>
                <p>New Zealand is an island country in the southwestern Pacific Ocean.""" + FILLER + """
                </p><p>It consists of two main landmasses, the North Island and the South Island.""" + FILLER + """
                </p></div></div>
                <div id="mw-navigation"><ul><li><a href="/">Main page</a></li><li><a href="/random">Random article</a></li></ul></div>
                </body>""");
        assertAll(
                () -> assertTrue(text.contains("Largest city"), text),
                () -> assertTrue(text.contains("Auckland"), text),
                () -> assertTrue(text.contains("island country in the southwestern Pacific"), text),
                () -> assertFalse(text.contains("Random article"), text));
    }
    /**
     * wikipedia-4: a reference ("Gettell, Oliver (2014-03-25). <a>Title</a>. <i><a>Los Angeles Times</a></i>.
     * Retrieved 2014-03-28.") is half link text and still a sentence of its own; it stays, a menu of links does not.
     */
    @Test
    void aCitationThatIsHalfLinksIsKeptAndALinkMenuIsNot() {
        String text = text("""
                <body><div id="content"><div class="mw-parser-output">
                <p>This list of films featuring time loops names films in which characters relive the same day.""" + FILLER + """
                </p><p>The loop starts again when a certain condition is met, such as a clock reaching a time.""" + FILLER + """
                </p><h2>References</h2><div class="reflist"><ol class="references">
                <li id="cite_note-43"><span class="mw-cite-backlink"><b><a href="#cite_ref-43" title="Jump up">^</a></b></span>
                <span class="reference-text"><cite id="CITEREFGettell,_Oliver2014" class="citation web cs1">Gettell, Oliver
                (2014-03-25). <a rel="nofollow" class="external text" href="https://www.latimes.com/entertainment/movies/">"'Edge of
                Tomorrow' trailer: Tom Cruise fights an eternal battle"</a>. <i><a href="/wiki/Los_Angeles_Times">Los Angeles
                Times</a></i><span class="reference-accessdate">. Retrieved <span class="nowrap">2014-03-28</span></span>.</cite></span></li>
                </ol></div></div></div>
                <div id="mw-navigation"><ul><li><a href="/">Main page</a></li><li><a href="/wiki/Contents">Contents</a></li>
                <li><a href="/random">Random article</a></li></ul></div>
                </body>""");
        assertAll(
                () -> assertTrue(text.contains("Gettell, Oliver (2014-03-25)."), text),
                () -> assertTrue(text.contains("Retrieved 2014-03-28"), text),
                () -> assertTrue(text.contains("relive the same day"), text),
                () -> assertFalse(text.contains("Random article"), text));
    }

    /**
     * yahoo-3: {@code role="main"} holds the story, marked as a schema.org Article, and after it a feed of other
     * stories, each a headline and a paragraph of summary; the feed has most of the text and is not the article.
     */
    @Test
    void anArticleMarkedInsideTheMainRegionIsTakenWithoutTheFeedAfterIt() {
        String text = text("""
                <body><div class="Col2 yog-cp"><div id="Main" class="Pos-r Z-3 Stack yog-card yog-content" role="main">
                <section class="yom-mod yom-card-main yom-article" id="mediacontentstory"><div class="book clearfix">
                <div class="body yom-art-content clearfix" itemscope="" itemtype="https://schema.org/CreativeWork https://schema.org/Article">
                <p>A photographer and Navy veteran is fighting back after a photo she posted to Facebook started an
                online backlash.""" + FILLER + """
                </p><p>Vanessa Hicks said she had no idea her photo would be considered controversial.""" + FILLER + """
                </p></div></div></section>
                <div class="yom-remote"><div id="td-applet-stream_container"><ul>""" + STREAM_ITEM.repeat(8) + """
                </ul></div></div></div></div></body>""");
        assertAll(
                () -> assertTrue(text.contains("fighting back after a photo she posted"), text),
                () -> assertTrue(text.contains("would be considered controversial"), text),
                () -> assertFalse(text.contains("Alan Thicke"), text));
    }

    private static final String STREAM_ITEM = """
            <li class="js-stream-content"><div class="Bfc"><h3 class="Fw-b Fz-m Mb-2"><a href="https://gma.yahoo.com/thicke.html"
            class="js-stream-content-link">'Growing Pains' Star Alan Thicke Dead at 69</a></h3>
            <p class="Mb-2">Alan Thicke, the actor best-known for his starring role in the 1980s sitcom, died Tuesday at
            age 69. A publicist for Thicke's son, Robin, said the actor suffered a heart attack in Los Angeles.</p></div></li>
            """;

    /** The other way round: a story not marked up, beside a feed of teasers that are each an {@code <article>}. */
    @Test
    void markedTeasersInTheMainRegionDoNotStandInForTheStory() {
        String text = text("""
                <body><main><div class="story">
                <p>A photographer and Navy veteran is fighting back after a photo she posted to Facebook started an
                online backlash.""" + FILLER + """
                </p><p>Vanessa Hicks said she had no idea her photo would be considered controversial.""" + FILLER + """
                </p><p>She said she stayed up until four in the morning to take down comments.""" + FILLER + """
                </p></div>
                <article><h3><a href="/a.html">Another story</a></h3><p>A summary of another story, short and
                plain.</p></article><article><h3><a href="/b.html">A third story</a></h3><p>A summary of a third
                story, short and plain.</p></article></main></body>""");
        assertAll(
                () -> assertTrue(text.contains("fighting back after a photo she posted"), text),
                () -> assertTrue(text.contains("take down comments"), text));
    }

    /**
     * nytimes-5: a section front has no article, only teasers, each a linked headline over a sentence of summary.
     * There the headlines are the content and are kept; after an article, a few linked headlines are left out.
     */
    @Test
    void aSectionFrontKeepsItsHeadlinesAndAnArticleLeavesOutTheLinkedOnesAfterIt() {
        String teasers = """
                <li><article><h3 class="css-1ybpork">Ensayo invitado</h3>
                <h2 class="css-byk1jx"><a href="/es/2022/01/25/espanol/opinion/beatles-get-back.html">El día que renuncié
                a los Beatles</a></h2><p class="css-tskdi9">Estaba obsesionado con el cuarteto de Liverpool.</p></article></li>
                """.repeat(8);
        String front = text("<body><div id=\"site-content\"><section><ol>" + teasers + "</ol></section></div></body>");
        String paragraph = "<p>Cuando me desintoxiqué de ellos descubrí un nuevo mundo musical." + FILLER + FILLER + "</p>";
        String article = text("<body><div class=\"story\">" + paragraph.repeat(5) + "<ol>" + teasers + "</ol></div></body>");
        assertAll(
                () -> assertTrue(front.contains("El día que renuncié a los Beatles\n\nEstaba obsesionado"), front),
                () -> assertTrue(article.contains("descubrí un nuevo mundo musical"), article),
                () -> assertFalse(article.contains("renuncié a los Beatles"), article));
    }
}
