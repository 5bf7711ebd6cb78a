// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.data.roles.Cells;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Reads chosen columns of a CSV or TSV file as the text of each cell into dictionary-coded
 * {@link CategoricalColumn}s, or ({@link #readTyped}) a column of numbers as its numbers: the file is
 * mapped and tokenised in chunks in parallel, each chunk copied from the mapping into a buffer that
 * the next chunk reuses (never the whole file into the heap); a typed read parses each number cell
 * where it starts, straight from those bytes into the column's array, and a text column's cells are copied into a
 * buffer of its own (a column that turns text after rows of numbers, or whose role wants its text,
 * has those rows' text gathered again), then each text column is coded (hashing its cells) on its
 * own (columns in parallel, each in its own slot), so a repeated cell costs no object and each
 * distinct cell becomes a String once. This
 * is the fast way into memory for wide files: DuckDB parses 2,000 columns well, but hands each
 * cell to Java through JDBC one string at a time, which costs more than parsing
 * (docs/benchmarks.md).
 *
 * <p>It reads only what it is sure DuckDB reads the same way under {@link TableReader}'s strict
 * dialect (a header line, {@code "} quoting with {@code ""} as the escape, a fixed single-byte
 * delimiter, LF or CRLF line ends, every row as wide as the header, strict UTF-8). An unquoted
 * empty field is missing (NULL), as in DuckDB; a quoted empty one is the empty string. Anything
 * else (a quote inside an unquoted field, text after a closing quote, a bare CR, a blank line
 * before the last row, a row of another width, invalid UTF-8, a file over 2 GiB) makes it
 * decline, and the caller reads the file through DuckDB instead, which either reads it or reports
 * the error with its line. So this class never decides what a file means on its own; it only
 * takes a shortcut.
 */
final class CsvText {
    private static final int UTF8_BOM_LENGTH = 3;
    private static final int PROGRESS_EVERY = 4096;
    /**
     * Bytes of data a chunk: records are tokenised in chunks, in parallel, then joined in file order,
     * so the columns do not depend on the chunking. Smaller files are one chunk.
     */
    static final int CHUNK_BYTES = 4 << 20;
    /** At most this many chunks, so the per-chunk buffers of a wide file stay few. */
    private static final int MAX_CHUNKS = 64;

    /**
     * The bytes being tokenised: a chunk's, copied from the mapped file into a buffer reused by the
     * chunks a thread reads, or (in the instance that reads the whole file) the start that holds
     * the header.
     */
    private byte[] b;
    private int pos;
    /**
     * The whole file, mapped (little-endian, for the eight-byte scans): read where a step needs the
     * whole file (the chunks' bounds, their line feeds, a quote anywhere) and copied chunk by chunk
     * into buffers, never as a whole into the heap (a 353 MB file cost about 0.4 CPU s more copied
     * whole: its fresh pages faulted in and zeroed, docs/benchmarks.md, csvtok12).
     */
    private ByteBuffer file;
    private int size;
    /** The chunks' buffers of the current read. */
    private Buffers buffers;

    private CsvText(byte[] bytes) {
        this.b = bytes;
    }

    private CsvText(ByteBuffer file) {
        this.file = file;
        this.size = file.capacity();
    }

    /** Why the shortcut was not taken; never shown to a user, the DuckDB path takes over. */
    static final class Decline extends Exception {
        private static final long serialVersionUID = 1L;

        Decline(String why) {
            super(why, null, false, false);
        }
    }

    /** Files up to this size have their line ends counted; larger ones are estimated from their start. */
    static final long COUNTED_BYTES = 16L << 20;
    /** The start of a larger file whose lines give the estimate. */
    static final int SAMPLE_BYTES = 1 << 20;
    /** Room above the estimate for rows shorter than those of the sample. */
    static final double MARGIN = 1.25;

    /**
     * Estimates the data rows of a file, to size a plan: up to {@value #COUNTED_BYTES} bytes, its line
     * ends counted (a quoted cell spanning lines counts more than once, so this can only overestimate);
     * above, its size times the line ends per byte of its first {@value #SAMPLE_BYTES} bytes, times
     * {@value #MARGIN}, without reading the rest (a whole pass over the file only to size things
     * cost as much as reading it again).
     */
    static long estimateRows(Path file) throws IOException {
        return estimateRows(file, COUNTED_BYTES, SAMPLE_BYTES);
    }

    /** {@link #estimateRows(Path)} with the thresholds given (tests make them small). */
    static long estimateRows(Path file, long countedBytes, int sampleBytes) throws IOException {
        long size = Files.size(file);
        byte[] buf = new byte[(int) Math.min(Math.max(size, 1), Math.max(sampleBytes, 1 << 16))];
        long lines = 0;
        try (InputStream s = Files.newInputStream(file)) {
            if (size > countedBytes) {
                int n = s.readNBytes(buf, 0, Math.min(buf.length, sampleBytes));
                long start = Bytes.lineFeeds(buf, 0, n);
                if (start > 0) {
                    return (long) Math.ceil(MARGIN * size * start / n);
                }
                lines = start; // not one line end in the sample: count them all
            }
            int n;
            while ((n = s.readNBytes(buf, 0, buf.length)) > 0) {
                lines += Bytes.lineFeeds(buf, 0, n);
            }
        }
        return lines;
    }

    /**
     * Reads the columns at {@code wanted} positions (header order) of {@code file}.
     *
     * @param file      the CSV or TSV file, already checked by {@link DataFiles}
     * @param delimiter the field delimiter
     * @param names     the names of all fields, in order
     * @param wanted    the positions to keep, ascending
     * @param progress  receives the rows read so far (may be null)
     * @return the columns, or empty when the file needs DuckDB (see the class comment)
     * @throws IOException when the file cannot be read
     */
    static Optional<Table> read(Path file, char delimiter, List<String> names, int[] wanted, LongConsumer progress)
            throws IOException {
        return read(file, delimiter, names, wanted, progress, CHUNK_BYTES);
    }

    /**
     * {@link #read(Path, char, List, int[], LongConsumer)} in chunks of about {@code chunkBytes}
     * (tests make them tiny, so every kind of record meets a chunk's edge).
     */
    static Optional<Table> read(Path file, char delimiter, List<String> names, int[] wanted, LongConsumer progress,
            int chunkBytes) throws IOException {
        return read(file, delimiter, names, wanted, progress, chunkBytes, false);
    }

    /**
     * {@link #read(Path, char, List, int[], LongConsumer)} with number columns parsed: a column whose
     * every cell is missing ({@link Cells#isMissing}: NULL or one of pandas' missing strings) or a
     * finite number ({@link Cells#number}), with at least one number, becomes a {@link NumericColumn}
     * (NaN where missing) without a String per cell; any other column is the text column that
     * {@code read} gives. So a column DuckDB would type as a number and a text column of numbers with
     * pandas' missing strings both come out as the numbers that {@link Cells} reads from their text.
     */
    static Optional<Table> readTyped(Path file, char delimiter, List<String> names, int[] wanted,
            LongConsumer progress, int chunkBytes) throws IOException {
        return read(file, delimiter, names, wanted, progress, chunkBytes, NEVER_TEXT, Long.MAX_VALUE);
    }

    /**
     * {@link #readTyped(Path, char, List, int[], LongConsumer, int)}, but a number column for which
     * {@code keepText} says yes comes out as its text column instead (the drift profiler keeps the
     * text of a column whose role reads its text: keys, constants, categories), and the file is
     * declined when more than {@code textCells} cells would be coded as text (the text's heap
     * cost is unknown until the cells are seen; the caller then reads the file through DuckDB).
     */
    static Optional<Table> readTyped(Path file, char delimiter, List<String> names, int[] wanted,
            LongConsumer progress, int chunkBytes, java.util.function.Predicate<NumericColumn> keepText,
            long textCells) throws IOException {
        return read(file, delimiter, names, wanted, progress, chunkBytes, keepText, textCells);
    }

    /** {@code read}'s mark for every column as text (no number is parsed); {@link #NEVER_TEXT} for number columns as numbers. */
    static final java.util.function.Predicate<NumericColumn> ALWAYS_TEXT = c -> true;
    static final java.util.function.Predicate<NumericColumn> NEVER_TEXT = c -> false;

    private static Optional<Table> read(Path file, char delimiter, List<String> names, int[] wanted,
            LongConsumer progress, int chunkBytes, boolean typed) throws IOException {
        return read(file, delimiter, names, wanted, progress, chunkBytes, typed ? NEVER_TEXT : ALWAYS_TEXT,
                Long.MAX_VALUE);
    }

    /**
     * The columns at {@code wanted} positions: number columns as numbers unless {@code keepText} says
     * otherwise ({@link #ALWAYS_TEXT}: every column as text, no number parsed), declined above
     * {@code textCells} text cells; what the other {@code read} and {@code readTyped} methods give.
     */
    static Optional<Table> read(Path file, char delimiter, List<String> names, int[] wanted,
            LongConsumer progress, int chunkBytes, java.util.function.Predicate<NumericColumn> keepText,
            long textCells) throws IOException {
        try {
            return Optional.of(tokenise(file, delimiter, names, wanted, progress, chunkBytes, keepText == ALWAYS_TEXT)
                    .finish(null, keepText, textCells));
        } catch (Decline d) {
            return Optional.empty();
        } catch (InternalError e) {
            // the mapped file shrank while its cells were coded: DuckDB's path reads it or says why
            return Optional.empty();
        }
    }

    /**
     * The columns at {@code wanted} positions of {@code file} tokenised, number columns as numbers, ahead
     * of {@link #finish}, which decides and codes them: a read split in two so that the costly part can
     * start before the caller knows which of these columns it wants, and which as text ({@link CsvTokens}).
     *
     * @throws Decline when the file needs DuckDB (as {@link #read} would be empty)
     */
    static CsvText tokenise(Path file, char delimiter, List<String> names, int[] wanted, LongConsumer progress,
            int chunkBytes) throws IOException, Decline {
        return tokenise(file, delimiter, names, wanted, progress, chunkBytes, false);
    }

    /** {@link #tokenise(Path, char, List, int[], LongConsumer, int)}; {@code allText}: no number is parsed. */
    private static CsvText tokenise(Path file, char delimiter, List<String> names, int[] wanted,
            LongConsumer progress, int chunkBytes, boolean allText) throws IOException, Decline {
        if (delimiter > 0x7f || delimiter == '"' || delimiter == '\n' || delimiter == '\r'
                || Files.size(file) > Integer.MAX_VALUE - 8) {
            throw new Decline("delimiter or size");
        }
        CsvText t = new CsvText(Bytes.map(file));
        try {
            t.tokenised((byte) delimiter, names, wanted, progress, chunkBytes, allText);
        } catch (InternalError e) {
            throw new Decline("the mapped file shrank while read");
        }
        return t;
    }

    /** What {@link #tokenised} leaves for {@link #finish}. */
    private Pass pass;
    private byte delimiter;
    private List<String> names;
    private int[] wanted;
    private int[] slot;
    private long total;

    private void tokenised(byte delimiter, List<String> names, int[] wanted, LongConsumer progress, int chunkBytes,
            boolean allText) throws Decline {
        this.delimiter = delimiter;
        this.names = names;
        this.wanted = wanted;
        int fields = names.size();
        int[] slot = new int[fields];
        Arrays.fill(slot, -1);
        for (int j = 0; j < wanted.length; j++) {
            slot[wanted[j]] = j;
        }
        if (header(delimiter) != fields) {
            throw new Decline("header width");
        }
        Pass pass;
        java.util.concurrent.atomic.AtomicBoolean quote = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            // split at the line ends nearest the chunk sizes, without reading the file first: right
            // when the file holds no quote, which a chunk checks as it goes
            pass = tokenise(blindChunks(pos, chunkBytes), quote, delimiter, slot, fields, wanted.length, allText,
                    progress);
        } catch (Decline d) {
            if (!quote.get() && !holdsQuote(pos)) {
                // a fault in a file without a quote: records end at line feeds wherever it is split, so
                // a split at records' ends would meet the same fault after a second tokenising. (A chunk
                // that starts inside a quoted cell can fail before any chunk has seen a quote, hence the
                // look at the whole file rather than the flag alone.)
                throw d;
            }
            // a quote (a line end may be inside one): split again at records' ends, and that reading decides
            pass = tokenise(chunks(pos, chunkBytes), null, delimiter, slot, fields, wanted.length, allText,
                    progress);
        }
        int[] bounds = pass.bounds();
        int parts = bounds.length - 1;
        long[] first = pass.first();
        CsvChunk.Numbers numbers = pass.numbers();
        CsvChunk[] chunk = pass.chunks();
        long total = 0;
        boolean blank = false;
        for (int k = 0; k < parts; k++) {
            // blank lines are only skipped at the very end of the file
            if (blank && chunk[k].rows > 0) {
                throw new Decline("blank line inside the data");
            }
            blank |= chunk[k].blank;
            total += chunk[k].rows;
        }
        if (blank && fields == 1) {
            throw new Decline("a blank line in a one-column file may be a missing cell");
        }
        if (progress != null) {
            progress.accept(total);
        }
        this.pass = pass;
        this.slot = slot;
        this.total = total;
    }

    /**
     * The columns of a {@link #tokenised} file, once: those at {@code keep}'s places in {@code wanted}
     * (ascending; null: all), each decided and coded as a read of only those columns would give it
     * (a column's numbers, text and declines depend on its own cells alone).
     */
    Table finish(int[] keep, java.util.function.Predicate<NumericColumn> keepText, long textCells) throws Decline {
        if (pass == null) {
            throw new IllegalStateException("tokenised once, finished once");
        }
        Pass tokens = this.pass;
        this.pass = null;
        byte delimiter = this.delimiter;
        int[] slot = this.slot;
        int fields = names.size();
        boolean[] wantedNow = new boolean[wanted.length];
        if (keep == null) {
            Arrays.fill(wantedNow, true);
        } else {
            for (int j : keep) {
                wantedNow[j] = true;
            }
        }
        int[] bounds = tokens.bounds();
        int parts = bounds.length - 1;
        long[] first = tokens.first();
        CsvChunk.Numbers numbers = tokens.numbers();
        CsvChunk[] chunk = tokens.chunks();
        int n = (int) total;
        Column[] out = new Column[wanted.length];
        boolean[] text = new boolean[wanted.length];
        // a number column kept as text whose every cell is an integer as written by Long.toString (an
        // id) or empty: its text is written from its numbers rather than tokenised a second time
        double[][] written = new double[wanted.length][];
        // each column decided on its own, in its own slot: nothing depends on the number of threads
        IntStream.range(0, wanted.length).filter(j -> wantedNow[j]).parallel().forEach(j -> {
            double[] v = numbers.of(j, chunk, first);
            if (v == null) {
                text[j] = true;
                return;
            }
            NumericColumn number = NumericColumn.wrap(names.get(wanted[j]), v, n);
            if (keepText.test(number)) {
                text[j] = true;
                boolean integral = true;
                for (CsvChunk c : chunk) {
                    integral &= c.integral[j];
                }
                written[j] = integral ? v : null;
            } else {
                out[j] = number;
            }
        });
        numbers.clear();
        long textColumns = IntStream.range(0, text.length).filter(j -> text[j]).count();
        // the same total whatever the order: the decline does not depend on threads
        if (textColumns * n > textCells) {
            throw new Decline("too many text cells for the heap");
        }
        boolean[] gather = new boolean[text.length];
        for (int j = 0; j < text.length; j++) {
            gather[j] = text[j] && written[j] == null;
        }
        Buffers pool = buffers; // the pool of the tokenising that made these bounds
        // the text of a column that became text after rows read as numbers, gathered again
        eachChunk(bounds, pool, (k, piece) -> piece.regather(chunk[k], 0, bounds[k + 1] - bounds[k], delimiter, slot,
                fields, gather));
        // the kept cells are copies: the file's bytes can go before the columns are coded
        b = null;
        file = null;
        try {
            // each text column coded on its own, in its own slot
            IntStream.range(0, wanted.length).filter(j -> text[j]).parallel().forEach(j -> {
                if (written[j] != null) {
                    out[j] = TextCells.column(new TextCells[] {TextCells.integers(written[j], n)}, names.get(wanted[j]), n);
                    return;
                }
                List<TextCells> pieces = new ArrayList<>();
                for (int k = 0; k < parts; k++) {
                    if (chunk[k].before[j] != null) {
                        pieces.add(chunk[k].before[j]);
                    }
                    pieces.add(chunk[k].kept[j]);
                    chunk[k].kept[j] = null;
                    chunk[k].before[j] = null;
                }
                // coded piece by piece in file order: no joined copy of the column's cells
                out[j] = TextCells.column(pieces.toArray(TextCells[]::new), names.get(wanted[j]), n);
            });
        } catch (UncheckedIOException e) {
            throw new Decline("invalid UTF-8");
        }
        return Table.of(IntStream.range(0, wanted.length).filter(j -> wantedNow[j]).mapToObj(j -> out[j]).toList());
    }

    /**
     * Reads the header record from the file's start (after a UTF-8 byte-order mark) into {@link #b},
     * leaving {@link #pos} after it; a start too short to hold the whole header is read again twice as long.
     *
     * @return the header's field count
     */
    private int header(byte delimiter) throws Decline {
        for (int window = Math.min(size, 1 << 16); ; window = (int) Math.min(size, 2L * window)) {
            b = copy(0, window, new byte[window]);
            pos = window >= UTF8_BOM_LENGTH && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB
                    && (b[2] & 0xff) == 0xBF ? UTF8_BOM_LENGTH : 0;
            try {
                int fields = record(delimiter, null, null, window);
                if (pos < window || window == size) {
                    return fields;
                }
            } catch (Decline d) {
                if (window == size) {
                    throw d;
                }
            }
        }
    }

    /** The file's bytes {@code [from, to)} copied into {@code buf} (from its start), which is returned. */
    private byte[] copy(int from, int to, byte[] buf) {
        file.get(from, buf, 0, to - from);
        return buf;
    }

    /** Whether a double quote occurs in the bytes from {@code from} on. */
    private boolean holdsQuote(int from) {
        return Bytes.find(file, from, size, Bytes.QUOTES) >= 0;
    }

    /**
     * Buffers for the chunks' bytes, each as long as the longest chunk: a thread takes one for a chunk
     * and gives it back, so a read holds about as many as threads work on it, not the whole file.
     */
    private static final class Buffers {
        private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> free =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final int length;

        Buffers(int[] bounds) {
            int longest = 0;
            for (int k = 0; k + 1 < bounds.length; k++) {
                longest = Math.max(longest, bounds[k + 1] - bounds[k]);
            }
            this.length = longest;
        }

        /**
         * A buffer of at least {@code needed} bytes. A chunk task of a tokenising that declined may still be
         * running and hand its buffer back after the next tokenising made new bounds: a shorter one is dropped.
         */
        byte[] take(int needed) {
            byte[] buf = free.poll();
            while (buf != null && buf.length < needed) {
                buf = free.poll();
            }
            return buf != null ? buf : new byte[Math.max(length, needed)];
        }

        void give(byte[] buf) {
            free.add(buf);
        }
    }

    /** The first tokenising of a file: its chunks' bounds, first lines, numbers and chunks. */
    private record Pass(int[] bounds, long[] first, CsvChunk.Numbers numbers, CsvChunk[] chunks) {
    }

    /**
     * Tokenises the chunks between {@code bounds} in parallel. When {@code blind} is not null (the
     * bounds were put at line ends without looking at quotes), the first quote anywhere sets it and
     * declines, since a line end may then be inside a quoted cell.
     */
    private Pass tokenise(int[] bounds, java.util.concurrent.atomic.AtomicBoolean blind, byte delimiter, int[] slot, int fields, int columns,
            boolean allText, LongConsumer progress) throws Decline {
        int parts = bounds.length - 1;
        // each chunk's rows land at its first line's place in the column's array of numbers: a record
        // ends on a line feed, so a chunk holds at most as many rows as line feeds (one more at the end
        // of a file without a final one); fewer rows (a quoted line end, blank lines at the end) are
        // closed up afterwards, so the common file is written in place, without a copy per chunk
        long[] first = new long[parts + 1];
        IntStream.range(0, parts).parallel().forEach(k -> first[k + 1] = Bytes.lineFeeds(file, bounds[k], bounds[k + 1])
                + (k == parts - 1 && bounds[k] < size && file.get(size - 1) != '\n' ? 1 : 0));
        for (int k = 0; k < parts; k++) {
            first[k + 1] += first[k];
        }
        if (first[parts] >= Integer.MAX_VALUE - 8) {
            throw new Decline("too many rows for memory");
        }
        CsvChunk.Numbers numbers = new CsvChunk.Numbers(columns, (int) first[parts], allText, delimiter == ';');
        java.util.concurrent.atomic.AtomicBoolean quote = blind;
        CsvChunk[] chunk = new CsvChunk[parts];
        LongConsumer shared = progress == null ? null : progress(progress);
        // the tasks use this read's pool, never the field, which a later tokenising replaces
        Buffers pool = new Buffers(bounds);
        buffers = pool;
        // each chunk tokenised on its own into buffers of its own; joined in file order below
        eachChunk(bounds, pool, (k, piece) -> {
            CsvChunk c = numbers.start(columns, (int) first[k], (int) (first[k + 1] - first[k]),
                    (bounds[k + 1] - bounds[k]) / fields + 16);
            c.quote = quote;
            chunk[k] = piece.chunk(c, 0, bounds[k + 1] - bounds[k], delimiter, slot, fields, Integer.MAX_VALUE, shared);
        });
        return new Pass(bounds, first, numbers, chunk);
    }

    /**
     * Bounds of chunks of about {@code chunkBytes} from {@code from}, each but the last just after the
     * first line end at or past its share of the file, as {@link #chunks} puts them but without
     * regard to quotes (so without reading the file first): right for a file without quotes.
     */
    private int[] blindChunks(int from, int chunkBytes) {
        int parts = (int) Math.max(1, Math.min(MAX_CHUNKS, (long) (size - from) / Math.max(1, chunkBytes)));
        int[] bounds = new int[parts + 1];
        bounds[0] = from;
        int k = 1;
        for (int part = 1; part < parts; part++) {
            int i = (int) Math.max(bounds[k - 1], from + (long) part * (size - from) / parts - 1);
            while (i < size && file.get(i) != '\n') {
                i++;
            }
            if (i + 1 >= size) {
                break;
            }
            if (i + 1 > bounds[k - 1]) {
                bounds[k++] = i + 1;
            }
        }
        int[] out = Arrays.copyOf(bounds, k + 1);
        out[k] = size;
        return out;
    }

    /**
     * Gathers, for each column that {@code text} marks, the text of {@code c}'s rows that were read
     * as numbers (all of them, or those before the cell that was not one) by tokenising the chunk
     * {@code b[from, to)} again as far as needed, into {@code c.before}.
     */
    private void regather(CsvChunk c, int from, int to, byte delimiter, int[] slot, int fields, boolean[] text)
            throws Decline {
        TextCells[] kept = new TextCells[text.length];
        int[] limit = new int[text.length];
        int rows = 0;
        for (int j = 0; j < text.length; j++) {
            if (!text[j]) {
                continue;
            }
            limit[j] = c.kept[j] == null ? c.rows : c.textFrom[j];
            if (c.kept[j] == null) {
                c.kept[j] = new TextCells(0, 0); // every row is in before
            }
            if (limit[j] > 0) {
                kept[j] = new TextCells(limit[j], (int) Math.min(Integer.MAX_VALUE - 8L, (long) (to - from) / fields + 16));
                rows = Math.max(rows, limit[j]);
            }
        }
        if (rows == 0) {
            return;
        }
        CsvChunk again = new CsvChunk(kept, null, 0, limit);
        int[] gather = slot.clone();
        for (int i = 0; i < gather.length; i++) {
            gather[i] = gather[i] >= 0 && kept[gather[i]] != null ? gather[i] : -1;
        }
        chunk(again, from, to, delimiter, gather, fields, rows, null);
        System.arraycopy(kept, 0, c.before, 0, kept.length);
    }

    /**
     * Where the data from {@code from} splits into chunks of about {@code chunkBytes}: each bound
     * but the last follows a line end outside quotes, so every chunk holds whole records. Under
     * the strict dialect a quote only opens or closes a quoted field ({@code ""} counts twice), so a
     * line end is a record's end when the quotes before it are even in number. A file that breaks
     * the dialect may be split wrongly, but the chunk holding its first fault starts on a true
     * record, reaches the fault and declines, and a decline anywhere declines the whole file.
     */
    private int[] chunks(int from, int chunkBytes) {
        int parts = (int) Math.max(1, Math.min(MAX_CHUNKS, (long) (size - from) / Math.max(1, chunkBytes)));
        int[] bounds = new int[parts + 1];
        bounds[0] = from;
        int k = 1;
        boolean quoted = false;
        for (int i = from; i < size && k < parts; i++) {
            if (i + Long.BYTES <= size) {
                long v = file.getLong(i);
                if ((Bytes.zeroBytes(v ^ Bytes.QUOTES) | Bytes.zeroBytes(v ^ Bytes.NEWLINES)) == 0) {
                    i += Long.BYTES - 1; // neither a quote nor a line end in these eight bytes
                    continue;
                }
            }
            byte c = file.get(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted && i + 1 >= from + (long) k * (size - from) / parts) {
                bounds[k++] = i + 1;
            }
        }
        int[] out = Arrays.copyOf(bounds, k + 1);
        out[k] = size;
        return out;
    }

    /** Progress from several chunks: their rows added up, reported one at a time. */
    private static LongConsumer progress(LongConsumer progress) {
        AtomicLong rows = new AtomicLong();
        return step -> {
            long now = rows.addAndGet(step);
            synchronized (rows) {
                progress.accept(now);
            }
        };
    }

    /** What {@link #eachChunk} does with one chunk. */
    private interface ChunkTask {
        /**
         * @param k    the chunk's index
         * @param text the chunk's bytes, a copy in a buffer of the pool, from 0
         */
        void run(int k, CsvText text) throws Decline;
    }

    /**
     * Runs {@code task} on every chunk between {@code bounds} in parallel, each on a copy of its bytes in a buffer of
     * {@code pool} (given back after), a chunk's {@link Decline} thrown here: the one way both passes over the chunks
     * (tokenising, regathering text) use the pool.
     */
    private void eachChunk(int[] bounds, Buffers pool, ChunkTask task) throws Decline {
        try {
            IntStream.range(0, bounds.length - 1).parallel().forEach(k -> {
                try {
                    byte[] buf = pool.take(bounds[k + 1] - bounds[k]);
                    try {
                        task.run(k, new CsvText(copy(bounds[k], bounds[k + 1], buf)));
                    } finally {
                        pool.give(buf);
                    }
                } catch (Decline d) {
                    throw new Declined(d);
                }
            });
        } catch (Declined d) {
            throw d.decline;
        }
    }

    /** A {@link Decline} through a parallel stream. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Decline decline;

        Declined(Decline decline) {
            super(decline.getMessage(), null, false, false);
            this.decline = decline;
        }
    }

    /**
     * Tokenises the records of {@code b[from, to)}, which holds whole records (see {@link #chunks}),
     * into {@code out}, stopping after {@code rowLimit} rows.
     */
    private CsvChunk chunk(CsvChunk out, int from, int to, byte delimiter, int[] slot, int fields, int rowLimit,
            LongConsumer progress) throws Decline {
        pos = from;
        while (pos < to && out.rows < rowLimit) {
            byte c = b[pos];
            if (c == '\n' || c == '\r') {
                pos++;
                if (c == '\r' && (pos == to || b[pos++] != '\n')) {
                    throw new Decline("bare CR");
                }
                out.blank = true;
                continue;
            }
            if (out.blank) {
                throw new Decline("blank line inside the data");
            }
            if (out.quote != null && out.quote.get()) {
                throw new Decline("another chunk met a quote");
            }
            if (out.rows == out.lineCount && out.values != null) {
                throw new Decline("more records than line ends"); // cannot happen: a record ends on one
            }
            if (record(delimiter, slot, out, to) != fields) {
                throw new Decline("row width");
            }
            out.rows++;
            if (progress != null && out.rows % PROGRESS_EVERY == 0) {
                progress.accept(PROGRESS_EVERY);
            }
        }
        if (progress != null) {
            progress.accept(out.rows % PROGRESS_EVERY);
        }
        return out;
    }

    /**
     * Reads one record from {@code pos}, not past {@code n}; returns its field count. Kept fields go
     * to {@code out}'s column {@code slot[i]}.
     */
    private int record(byte delimiter, int[] slot, CsvChunk out, int n) throws Decline {
        // a number column's cell is read as a number where it starts, and the number's end is the
        // field's when a delimiter or line end follows (one pass over its bytes, not a scan for the
        // delimiter and a second one to parse); not when the delimiter could continue a number
        boolean numbersFirst = out != null && !numberByte(delimiter);
        int i = 0;
        while (true) {
            int start;
            int end;
            int c;
            int j = slot != null && i < slot.length ? slot[i] : -1;
            double value = Double.NaN;
            boolean read = false;
            if (numbersFirst && j >= 0 && out.readsNumbers(j)) {
                value = out.decimals.read(b, pos, n);
                int e = out.decimals.end();
                read = e >= 0 && (e == n || b[e] == delimiter || b[e] == '\n' || b[e] == '\r');
                // a code a number would change (02134, an ID beyond 2^53) goes the cell's way, and makes the column text
                if (read && dev.surprisal.data.roles.Cells.isCode(b, pos, e)) {
                    read = false;
                }
            }
            if (read) {
                start = pos;
                end = out.decimals.end();
                pos = end;
                c = pos < n ? b[pos++] : -1;
            } else if (pos < n && b[pos] == '"') {
                if (out != null && out.quote != null) {
                    out.quote.set(true);
                    throw new Decline("a quote in a file split without regard to quotes");
                }
                start = ++pos;
                boolean escaped = false;
                while (true) {
                    if (pos >= n) {
                        throw new Decline("unterminated quote");
                    }
                    if (b[pos] == '"') {
                        if (pos + 1 < n && b[pos + 1] == '"') {
                            escaped = true;
                            pos += 2;
                            continue;
                        }
                        break;
                    }
                    pos++;
                }
                end = escaped ? -pos - 1 : pos;
                pos++;
                c = pos < n ? b[pos++] & 0xff : -1;
            } else {
                start = pos;
                c = -1;
                while (pos < n) {
                    byte x = b[pos++];
                    if (x == delimiter || x == '\n' || x == '\r') {
                        c = x;
                        break;
                    }
                    if (x == '"') {
                        throw new Decline("quote inside an unquoted field");
                    }
                }
                end = c < 0 ? pos : pos - 1;
                if (end == start) {
                    end = CsvChunk.MISSING;
                }
            }
            if (c == '\r') {
                if (pos >= n || b[pos++] != '\n') {
                    throw new Decline("bare CR");
                }
                c = '\n';
            }
            if (c != -1 && c != delimiter && c != '\n') {
                throw new Decline("text after a closing quote");
            }
            if (read) {
                out.number(j, value, b, start, end);
            } else if (j >= 0) {
                out.cell(b, j, start, end);
            }
            i++;
            if (c != delimiter) {
                return i;
            }
        }
    }

    /** Whether {@code x} can be part of a plain decimal (then a delimiter {@code x} cannot end one). */
    private static boolean numberByte(byte x) {
        return (x >= '0' && x <= '9') || x == '.' || x == '+' || x == '-' || x == 'e' || x == 'E';
    }
}
