package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

import java.util.Arrays;
import java.util.Objects;

/**
 * One column of a {@link Profile}: counts over frozen bins, the number of missing values (NULL
 * and NaN), and for numeric kinds the exact {@link Moments} of the finite values and a KLL
 * quantile sketch (Karnin, Lang &amp; Liberty, 2016, "Optimal quantile approximation in streams")
 * of them. Immutable: the sketch is kept serialised and a fresh copy is handed out.
 */
public final class ColumnProfile {
    private final String name;
    private final ColumnKind kind;
    private final NumericBins numericBins;
    private final CategoryBins categoryBins;
    private final long[] counts;
    private final long missing;
    private final Moments moments;
    private final byte[] sketch;

    ColumnProfile(String name, ColumnKind kind, NumericBins numericBins, CategoryBins categoryBins, long[] counts,
                  long missing, Moments moments, byte[] sketch) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.numericBins = numericBins;
        this.categoryBins = categoryBins;
        this.counts = counts;
        this.missing = missing;
        this.moments = moments;
        this.sketch = sketch;
        int size = kind.isNumeric() ? numericBins.size() : categoryBins.size();
        if (counts.length != size) {
            throw new ValidationException("counts: length " + counts.length + " does not match " + size + " bins");
        }
    }

    /** A numeric (or datetime) column profile; {@code sketch} may be null when sketches are off. */
    public static ColumnProfile numeric(String name, ColumnKind kind, NumericBins bins, long[] counts, long missing,
                                        Moments moments, KllDoublesSketch sketch) {
        if (!kind.isNumeric()) {
            throw new IllegalStateException("kind: " + kind + " is not numeric"); // a caller bug, not bad input
        }
        return new ColumnProfile(name, kind, bins, null, counts.clone(), missing, moments,
                sketch == null ? null : sketch.toByteArray());
    }

    /** A categorical (or boolean) column profile. */
    public static ColumnProfile categorical(String name, ColumnKind kind, CategoryBins bins, long[] counts, long missing) {
        if (kind.isNumeric()) {
            throw new IllegalStateException("kind: " + kind + " is not categorical");
        }
        return new ColumnProfile(name, kind, null, bins, counts.clone(), missing, null, null);
    }

    public String name() {
        return name;
    }

    public ColumnKind kind() {
        return kind;
    }

    /** The numeric bins, or null for categorical kinds. */
    public NumericBins numericBins() {
        return numericBins;
    }

    /** The category bins, or null for numeric kinds. */
    public CategoryBins categoryBins() {
        return categoryBins;
    }

    /** Counts per bin (a copy), without missing values. */
    public long[] counts() {
        return counts.clone();
    }

    /** Number of bins (missing not included). */
    public int binCount() {
        return counts.length;
    }

    /** Missing values: NULL, and NaN for numeric kinds. */
    public long missing() {
        return missing;
    }

    /** Rows: binned values plus missing. */
    public long rows() {
        return Arrays.stream(counts).sum() + missing;
    }

    /** Exact moments of the finite values, or null for categorical kinds. */
    public Moments moments() {
        return moments;
    }

    /** A copy of the KLL sketch of the finite values, or null (categorical, or sketches off). */
    public KllDoublesSketch sketch() {
        return sketch == null ? null : KllDoublesSketch.heapify(Memory.wrap(sketch));
    }

    /** The sketch serialised (DataSketches' compact format), or null. */
    public byte[] sketchBytes() {
        return sketch == null ? null : sketch.clone();
    }

    /** The label of bin {@code i}. */
    public String binLabel(int i) {
        return kind.isNumeric() ? numericBins.label(i) : categoryBins.label(i);
    }

    /** True for bins the reference has no mass in by construction (underflow, overflow, unseen). */
    public boolean isNovelBin(int i) {
        return kind.isNumeric() ? numericBins.isOutOfRange(i) : categoryBins.isNovel(i);
    }

    /** True when {@code other} uses the same frozen bins, so the two can be merged or compared. */
    public boolean sameBins(ColumnProfile other) {
        return kind == other.kind && Objects.equals(numericBins, other.numericBins)
                && Objects.equals(categoryBins, other.categoryBins);
    }

    /**
     * Both columns together: counts, missing and moments add; the sketches merge (KLL merging is
     * commutative and associative in distribution; the exact retained items may differ with order).
     *
     * @throws IllegalArgumentException if the names or bins differ
     */
    public ColumnProfile merge(ColumnProfile other) {
        if (!name.equals(other.name) || !sameBins(other)) {
            throw new ValidationException("other: column '" + other.name + "' was not counted on the same bins as '"
                    + name + "'; profiles merge only when built on one reference");
        }
        long[] c = counts.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += other.counts[i];
        }
        byte[] sk = null;
        if (sketch != null && other.sketch != null) {
            KllDoublesSketch a = sketch();
            a.merge(other.sketch());
            sk = a.toByteArray();
        } else if (sketch != null || other.sketch != null) {
            sk = sketch != null ? sketch.clone() : other.sketch.clone();
        }
        return new ColumnProfile(name, kind, numericBins, categoryBins, c, missing + other.missing,
                moments == null ? null : moments.merge(other.moments), sk);
    }

    @Override
    public String toString() {
        return "ColumnProfile[" + name + ", " + kind + ", bins=" + counts.length + ", rows=" + rows() + ", missing="
                + missing + "]";
    }
}
