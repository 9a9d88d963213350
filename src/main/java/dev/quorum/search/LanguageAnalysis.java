package dev.quorum.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Which analyzer reads which field. English and Russian text is stemmed (so "clocks" finds "clock" and
 * "распределённой" finds "распределенные"); other languages are only tokenised and lower-cased.
 * Every analyzer folds "ё" into "е", as Russian writers do inconsistently.
 */
public final class LanguageAnalysis {

    /** Languages with a stemmer of their own; anything else is indexed under {@link #OTHER}. */
    public static final String ENGLISH = "en";
    public static final String RUSSIAN = "ru";
    public static final String OTHER = "std";
    public static final List<String> BUCKETS = List.of(ENGLISH, RUSSIAN, OTHER);

    private LanguageAnalysis() {
    }

    /** The field suffix for a resource written in {@code language} (an ISO 639-1 code). */
    public static String bucketOf(String language) {
        return ENGLISH.equals(language) || RUSSIAN.equals(language) ? language : OTHER;
    }

    /** The analyzer for every field of the index; queries are analyzed per field with the same one. */
    public static Analyzer perField() {
        Analyzer english = english();
        Analyzer plain = plain();
        Map<String, Analyzer> byField = new HashMap<>();
        byField.put(SearchFields.title(ENGLISH), english);
        byField.put(SearchFields.body(ENGLISH), english);
        byField.put(SearchFields.DESCRIPTION, english);
        byField.put(SearchFields.TOPICS, english);
        Analyzer russian = russian();
        byField.put(SearchFields.title(RUSSIAN), russian);
        byField.put(SearchFields.body(RUSSIAN), russian);
        byField.put(SearchFields.title(OTHER), plain);
        byField.put(SearchFields.body(OTHER), plain);
        byField.put(SearchFields.ALL_PLAIN, plain);
        return new PerFieldAnalyzerWrapper(plain, byField);
    }

    /** What EnglishAnalyzer does, plus the "ё" folding every analyzer here shares. */
    static Analyzer english() {
        return new FoldingAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFoldingFilter(result);
                result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                result = new PorterStemFilter(result);
                return new TokenStreamComponents(source, result);
            }
        };
    }

    /**
     * Russian snowball stemming; Latin words in Russian text (names of systems, English terms) also
     * get the English stemmer, which leaves Cyrillic alone.
     */
    static Analyzer russian() {
        CharArraySet stop = new CharArraySet(RussianAnalyzer.getDefaultStopSet(), false);
        stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        CharArraySet stopWords = CharArraySet.unmodifiableSet(stop);
        return new FoldingAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFoldingFilter(source);
                result = new StopFilter(result, stopWords);
                result = new SnowballFilter(result, new RussianStemmer());
                result = new PorterStemFilter(result);
                return new TokenStreamComponents(source, result);
            }
        };
    }

    /** Words as written, lower-cased: no stop words, no stemming. */
    static Analyzer plain() {
        return new FoldingAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFoldingFilter(source));
            }
        };
    }

    /** An analyzer whose token stream folds "ё" (see {@link LowerCaseFoldingFilter}); normalisation does too. */
    private abstract static class FoldingAnalyzer extends Analyzer {
        /** Between two values of one field (a page's text and its title): no phrase or proximity match spans it. */
        static final int VALUE_GAP = 100;

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return VALUE_GAP;
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFoldingFilter(in);
        }
    }
}
