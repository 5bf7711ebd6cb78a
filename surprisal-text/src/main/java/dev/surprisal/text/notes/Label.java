package dev.surprisal.text.notes;

/** The verdict on a note, decided in this order: the first that applies wins. */
public enum Label {
    /** An exact copy or near-duplicate (Jaccard or containment of word shingles) of an earlier note. */
    DUPLICATE("duplicate"),
    /** Mostly lines that recur across many notes, or a Gopher repetition rule fires. */
    TEMPLATE_OR_FILLER("template-or-filler"),
    /** Length-controlled word entropy below the knowledge base's own low percentile. */
    LOW_DENSITY("low-density"),
    /** None of the above: ranked by novel bits in the digest. */
    GENUINE_INCREMENT("genuine-increment");

    private final String id;

    Label(String id) {
        this.id = id;
    }

    /** The label as printed and serialised. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }
}
