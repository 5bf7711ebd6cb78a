// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.data.roles.DateLayout;
import dev.surprisal.data.roles.RoleDecision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A date or timestamp column of a profile whose order of day and month the data did not decide: no cell had a day
 * or month over 12 (a monthly column {@code 01/03/2026}, {@code 01/04/2026}, …, or a baseline of a month's first
 * twelve days), so its dates were read in the assumed order ({@link DateLayout.Basis#ASSUMED}: month first for '/' and
 * '-' dates, as pandas reads them; day first for dotted dates, as they are written) and that order is frozen. Read in
 * the wrong order every date is another day, and nothing alarms until a cell that exists only in the other order
 * arrives; so a baseline says it, with an example read both ways and the fix. An analysis that reads a table through
 * the same role detector ({@code mi}, {@code entropy --data}) says it too ({@link #of(RoleDecision)}), with its own
 * fix ({@link Remedy#READ}): the column's role and layout are the ones a baseline of that file would freeze.
 *
 * @param column       the column
 * @param layout       the layout its dates were read in ({@code mm/dd/yyyy})
 * @param example      a reference cell as the layout writes it ({@code 01/03/2026}); empty when the profile holds no
 *                     range of the column
 * @param read         the example's date as read ({@code 2026-01-03})
 * @param otherReading the example's date read in the other order ({@code 2026-03-01})
 * @param remedy       what the fix tells the user to do: re-fit a baseline, or read the table again
 */
public record DateOrderWarning(String column, DateLayout layout, String example, String read, String otherReading,
                               Remedy remedy) {
    /**
     * What the warning's fix asks for: the order is frozen in a baseline ({@link #REBASELINE}), or only this reading
     * of the table used it ({@link #READ}: {@code mi}, {@code entropy --data}, where nothing is frozen).
     */
    public enum Remedy {
        /** A baseline froze the order: re-baseline with the right option (drift, the server's monitors). */
        REBASELINE,
        /** An analysis read the table: read it again with the right option. */
        READ
    }

    /**
     * A baseline's warning ({@link Remedy#REBASELINE}).
     *
     * @param column       the column
     * @param layout       the layout its dates were read in
     * @param example      a reference cell as the layout writes it, or empty
     * @param read         the example's date as read
     * @param otherReading the example's date read in the other order
     */
    public DateOrderWarning(String column, DateLayout layout, String example, String read, String otherReading) {
        this(column, layout, example, read, otherReading, Remedy.REBASELINE);
    }

    /**
     * The warning of a column as an analysis read it (no baseline: {@link Remedy#READ}), without an example: the
     * role detector keeps counts of a column's date layouts, not its dates.
     *
     * @param d a column's role decision ({@code ColumnRoles}, as {@code mi} and {@code entropy --data} read tables)
     * @return the warning when the column was read as dates (a date or timestamp role) in an order of day and month
     *         that the data did not decide; empty for a column read otherwise, e.g. a date column set to
     *         {@code categorical}, whose cells are labels read in no order
     */
    public static Optional<DateOrderWarning> of(RoleDecision d) {
        DateLayout l = d.layout();
        if (!d.role().isTemporal() || l.basis() != DateLayout.Basis.ASSUMED || l.otherOrder().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DateOrderWarning(d.column(), l, "", "", "", Remedy.READ));
    }

    /**
     * @param decisions role decisions, e.g. a table's columns as an analysis read them
     * @return the warning of each ({@link #of(RoleDecision)}), in their order
     */
    public static List<DateOrderWarning> ofDecisions(List<RoleDecision> decisions) {
        List<DateOrderWarning> w = new ArrayList<>();
        decisions.forEach(d -> of(d).ifPresent(w::add));
        return w;
    }

    /**
     * @param p a profile (a baseline's reference)
     * @return a warning for each of its date and timestamp columns whose order of day and month was assumed, in
     *         column order
     */
    public static List<DateOrderWarning> of(Profile p) {
        List<DateOrderWarning> w = new ArrayList<>();
        for (ColumnProfile c : p.columns()) {
            of(c).ifPresent(w::add);
        }
        return w;
    }

    /**
     * @param c a column of a profile
     * @return the warning when it is a date or timestamp column whose order of day and month was assumed
     */
    public static Optional<DateOrderWarning> of(ColumnProfile c) {
        DateLayout l = c.layout();
        if (!c.role().isTemporal() || l.basis() != DateLayout.Basis.ASSUMED || l.otherOrder().isEmpty()) {
            return Optional.empty();
        }
        // the oldest or newest date, whichever reads differently in the two orders (01/01/2026 does not)
        String example = "";
        String read = "";
        String other = "";
        KeyStats k = c.keys();
        for (String iso : k == null ? new String[0] : new String[] {k.min(), k.max()}) {
            String cell = iso == null ? null : l.write(iso);
            String swapped = cell == null ? null : l.otherOrder().get().iso(cell);
            if (swapped != null && (example.isEmpty() || read.equals(other))) {
                example = cell;
                read = iso;
                other = swapped;
            }
        }
        return Optional.of(new DateOrderWarning(c.name(), l, example, read, other));
    }

    /** @return the order read, in words: "month first" or "day first" */
    private String order() {
        return layout.dayFirst() ? "day first" : "month first";
    }

    /** @return the other order, in words */
    private String otherOrder() {
        return layout.dayFirst() ? "month first" : "day first";
    }

    /**
     * @return the order read and why: "month first (mm/dd/yyyy), as pandas reads them" or "day first (dd.mm.yyyy),
     *         as dotted dates are written"
     */
    public String assumption() {
        return assumption(layout);
    }

    /**
     * @param layout a layout whose order of day and month was assumed ({@link DateLayout.Basis#ASSUMED})
     * @return the order read and why: "month first (mm/dd/yyyy), as pandas reads them" or "day first (dd.mm.yyyy),
     *         as dotted dates are written"
     */
    public static String assumption(DateLayout layout) {
        return (layout.dayFirst() ? "day first" : "month first") + " (" + layout + "), "
                + (layout.dotted() ? "as dotted dates are written" : "as pandas reads them");
    }

    /**
     * @return what to do when the order is wrong: a baseline's {@link #fix(String, DateLayout)}, or for an analysis
     *         "if the column writes the day first, read it with --dayfirst day"
     */
    public String fix() {
        return "if the column writes the " + (layout.dayFirst() ? "month" : "day") + " first, " + action();
    }

    /** The action of {@link #fix()}, as {@link #action(String, DateLayout)} for a baseline. */
    private String action() {
        if (remedy == Remedy.REBASELINE) {
            return action(column, layout);
        }
        // only an assumed order is warned: month first for '/' and '-' dates, day first for dotted ones, which
        // no option reads month first
        return layout.dayFirst() ? "write its dates as ISO yyyy-mm-dd upstream and read it again"
                : "read it with --dayfirst " + column;
    }

    /**
     * What to do when a column's frozen order of day and month is wrong, the one advice of a baseline's warning and
     * of a later check's alarm on cells read only in the other order: month-first dates are re-fitted with
     * {@code --dayfirst COL}, '/' and '-' dates read day first without it; dotted dates are read day first with or
     * without {@code --dayfirst}, so no option reads them month first and the fix is the writer's.
     *
     * @param column the column
     * @param layout the layout its dates were read in
     * @return "if the column writes the day first, re-baseline with --dayfirst day (in a monitor file: dayfirst:
     *         [day])", or for dotted dates read day first "if the column writes the month first, write its dates as
     *         ISO yyyy-mm-dd upstream and re-baseline"
     */
    public static String fix(String column, DateLayout layout) {
        return "if the column writes the " + (layout.dayFirst() ? "month" : "day") + " first, " + action(column, layout);
    }

    private static String action(String column, DateLayout layout) {
        if (!layout.dayFirst()) {
            return "re-baseline with --dayfirst " + column + " (in a monitor file: dayfirst: [" + column + "])";
        }
        return layout.dotted() ? "write its dates as ISO yyyy-mm-dd upstream and re-baseline"
                : "re-baseline without --dayfirst " + column + " (in a monitor file: leave it out of dayfirst:)";
    }

    /**
     * @return the warning in one line: "day: the data did not decide the order of day and month (no date has a day
     *         or month over 12): read month first (mm/dd/yyyy), so 01/03/2026 is 2026-01-03; read day first it would
     *         be 2026-03-01; if the column writes the day first, ..."
     */
    public String message() {
        return column + ": the data did not decide the order of day and month (no date has a day or month over 12): "
                + "read " + assumption() + (example.isEmpty() ? "" : ", so " + example + " is "
                + read + "; read " + otherOrder() + " it would be " + otherReading) + "; " + fix();
    }

    /**
     * @return the warning in plain sentences, for {@code --explain}: what cannot be told, what was chosen, what it
     *         costs when wrong, how a later check shows it, and the fix
     */
    public String explanation() {
        String e = example.isEmpty() ? "" : " such as " + example;
        String was = example.isEmpty() ? "" : ": " + example + " is " + words(read);
        String would = example.isEmpty() ? "," : ", " + example + " is " + words(otherReading) + ", and";
        if (remedy == Remedy.READ) {
            return "Column '" + column + "' holds dates" + e + " whose day and month are both 12 or less, so the data "
                    + "cannot tell which comes first. They were read " + order() + " (" + layout + ")" + was + ". If "
                    + "the file writes them " + otherOrder() + would + " every date is read as another day, and a drift "
                    + "baseline of this file would freeze that reading. If the file writes them " + otherOrder() + ", "
                    + action() + ".";
        }
        String later = layout.otherOrder().get().write("2026-01-13");
        return "Column '" + column + "' holds dates" + e + " whose day and month are both 12 or less, so the data "
                + "cannot tell which comes first. They were read " + order() + " (" + layout + ")" + was + ". If the "
                + "file writes them " + otherOrder() + would + " every date of this baseline is read as another day,"
                + " with no alarm until a check brings a date like " + later + ", which only a " + otherOrder()
                .replace(' ', '-') + " reading can read: that check then alarms on invalid cells. If the file writes "
                + "them " + otherOrder() + ", " + action(column, layout) + ".";
    }

    /**
     * Writes the warning as one object of a JSON answer's {@code warnings}: {@code column}, {@code kind}
     * ({@code "date_order_assumed"}), {@code layout} (the layout read), {@code example} (a cell, "" when none),
     * {@code read} and {@code other_reading} (its ISO date in the two orders), {@code fix} and {@code message}, and
     * with {@code explain} {@code explanation}: the one form of {@code drift baseline}, {@code drift compare}, the
     * server's monitors, {@code mi} and {@code entropy --data}.
     *
     * @param warnings the answer's {@code warnings} array
     * @param explain  whether to add the plain sentences as {@code explanation}
     */
    public void addTo(ArrayNode warnings, boolean explain) {
        ObjectNode j = warnings.addObject().put("column", column).put("kind", "date_order_assumed")
                .put("layout", layout.toString()).put("example", example).put("read", read)
                .put("other_reading", otherReading).put("fix", fix()).put("message", message());
        if (explain) {
            j.put("explanation", explanation());
        }
    }

    /** "3 January 2026" for 2026-01-03 (a time after the date is left out). */
    private static String words(String iso) {
        return LocalDate.parse(iso.substring(0, 10)).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }
}
