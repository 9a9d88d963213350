package dev.quorum.scrape.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Refuses a page whose streams decode to more than a budget, before PDFBox decodes them. PDFBox keeps the
 * intermediate result of a filter chain ({@code [/FlateDecode /ASCIIHexDecode]}) and whole font programs on
 * the heap without a limit, and its stream cache budget does not cover those buffers, so a PDF of a few
 * hundred kilobytes can otherwise expand into gigabytes.
 *
 * <p>Checked are the streams text extraction reads: the page's contents and everything under its resources
 * (fonts, forms, CMaps). Images are skipped, as the text stripper never decodes them. Each stream is checked
 * once per document, however many pages share it.
 */
final class StreamBudget {

    /** Image codecs decode to a whole raster at once, so measuring them would itself be the risk. */
    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JBIG2_DECODE, COSName.JPX_DECODE);

    private final long decodedBytesMax;
    private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    StreamBudget(long decodedBytesMax) {
        this.decodedBytesMax = decodedBytesMax;
    }

    void check(PDPage page) throws ExtractionException {
        Deque<COSBase> pending = new ArrayDeque<>();
        // PDPage resolves resources inherited from the page tree; the raw dictionary may not hold them.
        pending.push(page.getResources().getCOSObject());
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (contents != null) {
            pending.push(contents);
        }
        while (!pending.isEmpty()) {
            COSBase node = pending.pop();
            if (node instanceof COSObject reference) {
                node = reference.getObject();
            }
            if (node == null || !seen.add(node)) {
                continue;
            }
            if (node instanceof COSStream stream) {
                if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                    continue;
                }
                checkDecodedSize(stream);
            }
            if (node instanceof COSDictionary dictionary) {
                dictionary.getValues().forEach(pending::push);
            } else if (node instanceof COSArray array) {
                array.forEach(pending::push);
            }
        }
    }

    private void checkDecodedSize(COSStream stream) throws ExtractionException {
        List<COSName> names = filterNames(stream.getFilters());
        if (names.isEmpty() || names.stream().anyMatch(IMAGE_CODECS::contains)) {
            return;
        }
        try (InputStream raw = stream.createRawInputStream()) {
            InputStream encoded = raw;
            for (int i = 0; i < names.size(); i++) {
                // An intermediate result is kept as the next filter's input; the last one is only counted.
                boolean last = i == names.size() - 1;
                ByteArrayOutputStream intermediate = new ByteArrayOutputStream();
                BoundedSink decoded = new BoundedSink(last ? OutputStream.nullOutputStream() : intermediate, decodedBytesMax);
                Filter filter = FilterFactory.INSTANCE.getFilter(names.get(i));
                try {
                    filter.decode(encoded, decoded, stream, i);
                } catch (IOException e) {
                    // A filter stopped by our budget may report it as any IOException, or swallow it: the sink knows.
                }
                if (decoded.exceeded) {
                    throw new ExtractionException("PDF stream decodes to more than " + decodedBytesMax + " bytes");
                }
                encoded = new ByteArrayInputStream(intermediate.toByteArray());
            }
        } catch (IOException e) {
            // Unreadable or unknown filters: PDFBox's lenient parser skips such a stream too, so its size cannot hurt.
        }
    }

    private static List<COSName> filterNames(COSBase filters) {
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSArray array) {
            for (COSBase item : array) {
                if (!(item instanceof COSName name)) {
                    // A malformed chain that PDFBox cannot decode either.
                    return List.of();
                }
                names.add(name);
            }
        }
        return names;
    }

    /** Passes on what a filter writes until the budget is spent, then refuses and remembers that it did. */
    private static final class BoundedSink extends OutputStream {

        private final OutputStream target;
        private final long bytesMax;
        private long count;
        private boolean exceeded;

        BoundedSink(OutputStream target, long bytesMax) {
            this.target = target;
            this.bytesMax = bytesMax;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (count + length > bytesMax) {
                exceeded = true;
                throw new IOException("over the decoded size budget");
            }
            count += length;
            target.write(bytes, offset, length);
        }
    }
}
