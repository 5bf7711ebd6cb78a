// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the layout of date cells that are not ISO ({@link Cells#isDate}), so that an alarm on a date
 * column can say what it found: {@code 31/03/2024} is {@code dd/mm/yyyy}, {@code 03/31/2024}
 * {@code mm/dd/yyyy}, {@code 2024/03/31} {@code yyyy/mm/dd}. Day and month are told apart only by a
 * cell whose first or second number is above 12; when no cell shows it the layout names both readings.
 */
public final class DateLayout {
    /**
     * Day and month (either order, one or two digits), then a four-digit year, one separator: a two-digit year
     * would take version labels ({@code 1.2.10}) for dates (review13a).
     */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("([0-9]{1,2})([/.-])([0-9]{1,2})\\2([0-9]{4})"
            + "([ T].*)?");
    /** A four-digit year first, then month and day, with a separator other than ISO's '-'. */
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("[0-9]{4}([/.])([0-9]{1,2})\\1([0-9]{1,2})([ T].*)?");

    private DateLayout() {
    }

    /**
     * The one layout all of {@code cells} share, when they look like dates in a non-ISO layout.
     *
     * @param cells non-missing cells that are not ISO dates (a column's first invalid cells)
     * @return the layout, e.g. "dd/mm/yyyy", "mm/dd/yyyy", "dd/mm/yyyy or mm/dd/yyyy", "yyyy/mm/dd";
     *         empty when a cell is not such a date or the cells differ in layout
     */
    public static Optional<String> of(List<String> cells) {
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        String sep = null;
        boolean yearFirst = false;
        boolean dayFirst = false;
        boolean monthFirst = false;
        boolean time = false;
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i).trim();
            Matcher y = YEAR_MONTH_DAY.matcher(c);
            Matcher d = DAY_MONTH_YEAR.matcher(c);
            String s;
            boolean first;
            if (y.matches()) {
                if (!dayAndMonth(Integer.parseInt(y.group(3)), Integer.parseInt(y.group(2)))) {
                    return Optional.empty();
                }
                s = y.group(1);
                first = true;
                time |= y.group(4) != null;
            } else if (d.matches()) {
                s = d.group(2);
                first = false;
                int a = Integer.parseInt(d.group(1));
                int b = Integer.parseInt(d.group(3));
                if (!dayAndMonth(a, b) && !dayAndMonth(b, a)) {
                    return Optional.empty();
                }
                dayFirst |= a > 12;
                monthFirst |= b > 12;
                time |= d.group(5) != null;
            } else {
                return Optional.empty();
            }
            if (i > 0 && (!s.equals(sep) || first != yearFirst)) {
                return Optional.empty();
            }
            sep = s;
            yearFirst = first;
        }
        String year = "yyyy";
        String layout;
        if (yearFirst) {
            layout = "yyyy" + sep + "mm" + sep + "dd";
        } else if (dayFirst == monthFirst) {
            // neither order shown (or both: not one layout)
            if (dayFirst) {
                return Optional.empty();
            }
            layout = "dd" + sep + "mm" + sep + year + " or mm" + sep + "dd" + sep + year;
        } else {
            layout = dayFirst ? "dd" + sep + "mm" + sep + year : "mm" + sep + "dd" + sep + year;
        }
        return Optional.of(time ? layout + " with a time" : layout);
    }

    /** Whether a day of a month could be written so: day 1 to 31, month 1 to 12. */
    private static boolean dayAndMonth(int day, int month) {
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }
}
